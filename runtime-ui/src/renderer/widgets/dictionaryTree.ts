import type { Dictionary } from '../../api';

export interface ChoiceOption {
  value: string;
  label: string;
  parent?: string;
  /** A disabled item: shown (an old record may hold it), not pickable. */
  disabled?: boolean;
}

export interface ChoiceTreeNode {
  value: string;
  title: string;
  selectable: boolean;
  disabled?: boolean;
  children: ChoiceTreeNode[];
}

/**
 * The options of a tree dictionary as a tree. Parents missing from the options (non-selectable
 * groups the server leaves out of `oneOf`) come from the full dictionary when it is known, else
 * their children become roots.
 */
export function buildChoiceTree(options: readonly ChoiceOption[], dictionary?: Dictionary): ChoiceTreeNode[] {
  const nodes = new Map<string, ChoiceTreeNode & { parent?: string }>();
  for (const option of options) {
    nodes.set(option.value, { value: option.value, title: option.label, selectable: !option.disabled, children: [], parent: option.parent,
      ...(option.disabled ? { disabled: true } : {}) });
  }
  const groups = new Map((dictionary?.items ?? []).map((item) => [item.code, item]));
  const ensure = (code: string | undefined): void => {
    if (!code || nodes.has(code) || !groups.has(code)) return;
    const item = groups.get(code)!;
    nodes.set(code, { value: code, title: item.label, selectable: false, children: [], parent: item.parent });
    ensure(item.parent);
  };
  for (const option of options) ensure(option.parent);
  const roots: ChoiceTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent ? nodes.get(node.parent) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots.filter((root) => root.selectable || root.disabled || root.children.length > 0);
}
