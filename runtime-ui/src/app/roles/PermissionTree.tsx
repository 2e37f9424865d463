import { Empty, Tree, type TreeProps } from 'antd';
import { useMemo } from 'react';
import type { PermissionNode } from '../../api';
import { checkedOf, keysToSave, toTreeData } from './permissionTree';

export interface PermissionTreeProps {
  nodes: readonly PermissionNode[];
  /** Checked keys (set by antd Form.Item). */
  value?: string[];
  onChange?(keys: string[]): void;
  id?: string;
}

/**
 * The permissions of a role as a checkable tree with 父子联动 (a checked parent checks all its
 * children; a partly granted parent is indeterminate). All expanded; a click on a title checks it.
 */
export function PermissionTree({ nodes, value = [], onChange, id }: PermissionTreeProps) {
  const treeData = useMemo(() => toTreeData(nodes), [nodes]);
  if (nodes.length === 0) return <Empty description="没有可分配的权限" />;
  const onCheck: TreeProps['onCheck'] = (checked) => onChange?.(keysToSave(checkedOf(checked), nodes));
  return (
    <div id={id} style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: 8 }}>
      <Tree checkable selectable={false} defaultExpandAll treeData={treeData} checkedKeys={value} onCheck={onCheck} />
    </div>
  );
}
