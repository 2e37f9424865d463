import type { TreeDataNode } from 'antd';
import type { Key } from 'react';
import type { PermissionNode } from '../../api';

/** A node of antd's Tree; `aria-label` names it by its path (查看 alone is ambiguous). */
export interface PermissionTreeNode extends TreeDataNode {
  key: string;
  'aria-label': string;
  children: PermissionTreeNode[];
}

export const PATH_SEPARATOR = ' / ';

/** The server's permission tree as antd Tree data. */
export function toTreeData(nodes: readonly PermissionNode[], above: readonly string[] = []): PermissionTreeNode[] {
  return nodes.map((node) => {
    const path = [...above, node.title];
    return { key: node.key, title: node.title, 'aria-label': path.join(PATH_SEPARATOR), children: toTreeData(node.children, path) };
  });
}

/** Every key of the tree, depth first (to expand all, and to know what is grantable). */
export function allKeys(nodes: readonly PermissionNode[]): string[] {
  return nodes.flatMap((node) => [node.key, ...allKeys(node.children)]);
}

/**
 * A stored role's permissions as the Tree's `checkedKeys`: the stored list is expanded (a granted
 * parent lists its children), so antd's own conduction shows partly granted parents as
 * indeterminate. Keys the user may not grant (absent from the tree) are left out.
 */
export function checkedForEdit(stored: readonly string[], nodes: readonly PermissionNode[]): string[] {
  const grantable = new Set(allKeys(nodes));
  return stored.filter((key) => grantable.has(key));
}

/**
 * What antd reports as `checked` (fully checked parents and leaves; half-checked parents are not
 * in it) as the role's permissions: known keys, once each, in tree order. Never a half-checked
 * parent: the server would grant all its children.
 */
export function keysToSave(checked: readonly Key[], nodes: readonly PermissionNode[]): string[] {
  const wanted = new Set(checked.map(String));
  return allKeys(nodes).filter((key) => wanted.has(key));
}

/** antd's `onCheck` gives a list, or `{checked, halfChecked}` in strict mode; only the checked ones count. */
export function checkedOf(value: readonly Key[] | { checked: readonly Key[] }): readonly Key[] {
  return Array.isArray(value) ? value : (value as { checked: readonly Key[] }).checked;
}
