import { describe, expect, it } from 'vitest';
import gender from '../../../definitions/dictionaries/gender.json';
import { addItem, codeProblem, displayRows, moveItem, removeItem, updateItem } from './itemModel';

const codes = (content: Record<string, unknown>) => displayRows(content).map((r) => r.item.code);

describe('the dictionary item model', () => {
  it('shows items by order, then position', () => {
    const content = { items: [{ code: 'b', label: 'B', order: 2 }, { code: 'a', label: 'A', order: 1 }, { code: 'c', label: 'C' }] };
    expect(codes(content)).toEqual(['a', 'b', 'c']);
  });

  it('adds after the last item, moves by rewriting every order, removes', () => {
    const added = addItem(gender, '5', '其他');
    expect(codes(added).at(-1)).toBe('5');
    const moved = moveItem(added, (added.items as unknown[]).length - 1, -1);
    expect(codes(moved).slice(-2)).toEqual(['5', '9']);
    expect((moved.items as Array<{ order: number }>).map((i) => i.order).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(codes(removeItem(moved, 0))).not.toContain('1');
  });

  it('disables an item with enabled: false and drops emptied optional properties', () => {
    const next = updateItem(gender, 0, { code: '1', label: '男', order: 1, enabled: false, aliases: [] });
    expect((next.items as unknown[])[0]).toEqual({ code: '1', label: '男', order: 1, enabled: false });
  });

  it('refuses new codes that are malformed or taken', () => {
    expect(codeProblem(gender, '1')).toContain('已存在');
    expect(codeProblem(gender, '男')).toContain('字母、数字');
    expect(codeProblem(gender, 'X1')).toBeUndefined();
  });
});
