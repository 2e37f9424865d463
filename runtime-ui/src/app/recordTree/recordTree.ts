import type { RecordItem } from '../../api';

/** How records form a tree: which field holds the parent's id, which orders siblings, which names a record. */
export interface TreeShape {
  parentField: string;
  orderField?: string;
  titleField?: string;
}

export interface RecordTreeNode {
  key: string;
  record: RecordItem;
  title: string;
  children: RecordTreeNode[];
  /** Its parent is set but missing (deleted, not visible) or part of a cycle: shown at the top level. */
  orphan: boolean;
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

function titleOf(record: RecordItem, shape: TreeShape): string {
  const value = shape.titleField ? record.data[shape.titleField] : undefined;
  return value === undefined || value === null || value === '' ? record.id : String(value);
}

function orderOf(record: RecordItem, shape: TreeShape): number {
  const value = shape.orderField ? record.data[shape.orderField] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}

/** Siblings by order (records without one last), then by name, then by id (stable). */
function compare(a: RecordTreeNode, b: RecordTreeNode, shape: TreeShape): number {
  const byOrder = orderOf(a.record, shape) - orderOf(b.record, shape);
  if (byOrder !== 0 && !Number.isNaN(byOrder)) return byOrder;
  return collator.compare(a.title, b.title) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function sortDeep(nodes: RecordTreeNode[], shape: TreeShape): RecordTreeNode[] {
  nodes.sort((a, b) => compare(a, b, shape));
  nodes.forEach((node) => sortDeep(node.children, shape));
  return nodes;
}

function markReachable(roots: readonly RecordTreeNode[], seen: Set<string>): void {
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    seen.add(node.key);
    stack.push(...node.children);
  }
}

/**
 * Flat records (e.g. all of an institution's departments) as a tree by their parent field. A
 * record whose parent is missing, or that sits in a parent cycle, becomes a top-level node marked
 * `orphan`, so every record shows exactly once.
 */
export function buildRecordTree(records: readonly RecordItem[], shape: TreeShape): RecordTreeNode[] {
  const nodes = new Map(records.map((record) => [record.id, {
    key: record.id, record, title: titleOf(record, shape), children: [] as RecordTreeNode[], orphan: false,
  }]));
  const roots: RecordTreeNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.record.data[shape.parentField];
    const parent = typeof parentId === 'string' && parentId !== node.key ? nodes.get(parentId) : undefined;
    if (parent) parent.children.push(node);
    else {
      node.orphan = parentId !== undefined && parentId !== null && parentId !== '';
      roots.push(node);
    }
  }
  // Records in a parent cycle are reachable from no root: lift one per cycle to the top level.
  const seen = new Set<string>();
  markReachable(roots, seen);
  for (const node of [...nodes.values()].sort((a, b) => compare(a, b, shape))) {
    if (seen.has(node.key)) continue;
    for (const other of nodes.values()) other.children = other.children.filter((child) => child !== node);
    node.orphan = true;
    roots.push(node);
    markReachable([node], seen);
  }
  return sortDeep(roots, shape);
}

export interface FilteredTree {
  nodes: RecordTreeNode[];
  /** Every key left in the filtered tree, to show the matches expanded. */
  keys: string[];
}

/**
 * The nodes whose title contains `text` (ignoring case), with their ancestors (to see where they
 * are) and their whole subtree (what belongs to them). Empty text keeps everything.
 */
export function filterRecordTree(nodes: readonly RecordTreeNode[], text: string): FilteredTree {
  const needle = text.trim().toLowerCase();
  const keys: string[] = [];
  const collect = (list: readonly RecordTreeNode[]) => list.forEach((n) => { keys.push(n.key); collect(n.children); });
  const visit = (list: readonly RecordTreeNode[]): RecordTreeNode[] => list.flatMap((node) => {
    if (needle === '' || node.title.toLowerCase().includes(needle)) return [node];
    const children = visit(node.children);
    return children.length > 0 ? [{ ...node, children }] : [];
  });
  const kept = visit(nodes);
  collect(kept);
  return { nodes: kept, keys };
}
