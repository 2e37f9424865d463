import type { DictionaryItemDraft } from '@zjrj/engine/contract';

type Content = Record<string, unknown>;

/** An item as the table shows it: where it sits in the content's `items` and its display position. */
export interface ItemRow { index: number; item: DictionaryItemDraft }

export function itemsOf(content: Content): DictionaryItemDraft[] {
  return Array.isArray(content.items) ? (content.items as DictionaryItemDraft[]) : [];
}

const withItems = (content: Content, items: DictionaryItemDraft[]): Content => ({ ...content, items });

/** Items in display order, as users will see them: by `order` (default: position), then position. */
export function displayRows(content: Content): ItemRow[] {
  return itemsOf(content).map((item, index) => ({ index, item }))
    .sort((a, b) => (a.item.order ?? a.index + 1) - (b.item.order ?? b.index + 1) || a.index - b.index);
}

/** Replaces one item; empty optional properties are dropped rather than stored as empty values. */
export function updateItem(content: Content, index: number, item: DictionaryItemDraft): Content {
  const clean = Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
  return withItems(content, itemsOf(content).map((old, i) => (i === index ? clean as unknown as DictionaryItemDraft : old)));
}

/** A new, enabled item after the last one. */
export function addItem(content: Content, code: string, label: string): Content {
  const rows = displayRows(content);
  const last = rows.at(-1);
  const order = last ? (last.item.order ?? last.index + 1) + 1 : 1;
  return withItems(content, [...itemsOf(content), { code, label, order }]);
}

export function removeItem(content: Content, index: number): Content {
  return withItems(content, itemsOf(content).filter((_, i) => i !== index));
}

/** Moves an item one place up or down in the display order; every item's `order` is rewritten 1, 2, 3 … */
export function moveItem(content: Content, index: number, delta: -1 | 1): Content {
  const rows = displayRows(content);
  const at = rows.findIndex((r) => r.index === index);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= rows.length) return content;
  [rows[at], rows[to]] = [rows[to]!, rows[at]!];
  const orderOf = new Map(rows.map((r, position) => [r.index, position + 1]));
  return withItems(content, itemsOf(content).map((item, i) => ({ ...item, order: orderOf.get(i)! })));
}

/** Why a code cannot be used for a new item (Chinese), or undefined. */
export function codeProblem(content: Content, code: string): string | undefined {
  if (!/^[A-Za-z0-9._-]{1,32}$/.test(code)) return '编码只能由 1–32 位字母、数字或 . _ - 组成。';
  if (itemsOf(content).some((i) => i.code === code)) return `编码「${code}」已存在，请换一个。`;
  return undefined;
}
