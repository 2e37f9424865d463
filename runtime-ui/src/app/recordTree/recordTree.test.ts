import { describe, expect, it } from 'vitest';
import type { RecordItem } from '../../api';
import { buildRecordTree, filterRecordTree, type RecordTreeNode } from './recordTree';

const shape = { parentField: 'parentId', orderField: 'order', titleField: 'name' };
const dept = (id: string, name: string, extra: Record<string, unknown> = {}): RecordItem =>
  ({ id, version: 1, data: { name, ...extra } });

/** The tree as nested [title, children] for readable expectations. */
const outline = (nodes: readonly RecordTreeNode[]): unknown[] =>
  nodes.map((n) => (n.children.length > 0 ? [n.title, outline(n.children)] : n.title));

describe('buildRecordTree', () => {
  it('given flat departments, then children sit under their parents, ordered by order then name', () => {
    const tree = buildRecordTree([
      dept('c2', '呼吸内科', { parentId: 'a', order: 2 }),
      dept('b', '外科', { order: 2 }),
      dept('a', '内科', { order: 1 }),
      dept('c1', '心血管内科', { parentId: 'a', order: 1 }),
      dept('e', '医务科'),
      dept('d', '儿科', { order: 2 }),
    ], shape);
    // Same order: by name (儿科 before 外科 in pinyin order); no order: last.
    expect(outline(tree)).toEqual([['内科', ['心血管内科', '呼吸内科']], '儿科', '外科', '医务科']);
    expect(tree.every((n) => !n.orphan)).toBe(true);
  });

  it('given a department whose parent is gone, then it shows at the top level, marked as orphan', () => {
    const tree = buildRecordTree([dept('a', '内科'), dept('x', '骨科', { parentId: 'deleted' })], shape);
    expect(outline(tree)).toEqual(['骨科', '内科']);
    expect(tree.find((n) => n.key === 'x')?.orphan).toBe(true);
    expect(tree.find((n) => n.key === 'a')?.orphan).toBe(false);
  });

  it('given a parent cycle or a record that is its own parent, then each record still shows exactly once', () => {
    const tree = buildRecordTree([
      dept('a', '甲', { parentId: 'b' }), dept('b', '乙', { parentId: 'a' }), dept('s', '丙', { parentId: 's' }),
    ], shape);
    const keys: string[] = [];
    const walk = (nodes: readonly RecordTreeNode[]) => nodes.forEach((n) => { keys.push(n.key); walk(n.children); });
    walk(tree);
    expect(keys.sort()).toEqual(['a', 'b', 's']);
    expect(tree.map((n) => n.orphan)).toEqual([true, true]);
  });

  it('given no title, then the id names the node', () => {
    expect(buildRecordTree([{ id: 'r1', version: 1, data: {} }], shape)[0]!.title).toBe('r1');
  });
});

describe('filterRecordTree', () => {
  const tree = buildRecordTree([
    dept('a', '内科', { order: 1 }), dept('a1', '心血管内科', { parentId: 'a' }), dept('a2', '呼吸内科', { parentId: 'a' }),
    dept('b', '外科', { order: 2 }), dept('b1', '骨科', { parentId: 'b' }),
  ], shape);

  it('given text, then matches keep their ancestors and their subtree, and all kept keys are listed to expand', () => {
    const found = filterRecordTree(tree, ' 呼吸 ');
    expect(outline(found.nodes)).toEqual([['内科', ['呼吸内科']]]);
    expect(found.keys).toEqual(['a', 'a2']);
    expect(outline(filterRecordTree(tree, '外科').nodes)).toEqual([['外科', ['骨科']]]);
  });

  it('given no text, then everything stays; given text nothing matches, then nothing', () => {
    expect(outline(filterRecordTree(tree, '').nodes)).toEqual(outline(tree));
    expect(filterRecordTree(tree, '').keys).toHaveLength(5);
    expect(filterRecordTree(tree, '口腔').nodes).toEqual([]);
  });
});
