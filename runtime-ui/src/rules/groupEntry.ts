import type { ErrorItem } from '@zjrj/engine/contract';
import type { EntityRules, LookupResolver } from './EntityRules';

type Data = Record<string, unknown>;

/**
 * A group entry form (e.g. one person's probation segments of one exam year): the fields the
 * whole group shares once at the top, and the list of items under `itemsField`, each the rest of
 * one record. `{personId, examYear, segments: [{candidateType, startDate, …}, …]}`.
 */
export interface GroupEntryLayout {
  shared: readonly string[];
  itemsField: string;
}

export const ITEMS_FIELD = 'segments';

export function groupEntryLayout(rules: EntityRules, itemsField = ITEMS_FIELD): GroupEntryLayout {
  return { shared: rules.sharedFields, itemsField };
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A record as the server will judge it: empty values dropped (the server drops them too). */
function compact(data: Data): Data {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => !isEmpty(value)));
}

export function entryItems(layout: GroupEntryLayout, entry: Data): Data[] {
  const items = entry[layout.itemsField];
  return Array.isArray(items) ? items.map((item) => (item && typeof item === 'object' ? item as Data : {})) : [];
}

/** The records an entry stands for, in item order: each item with the shared fields. */
export function entryRecords(layout: GroupEntryLayout, entry: Data): Data[] {
  const shared = Object.fromEntries(layout.shared.map((field) => [field, entry[field]]));
  return entryItems(layout, entry).map((item) => compact({ ...item, ...shared }));
}

/** The entry holding `records` (which share the shared fields): the first record's shared values at the top. */
export function entryOf(layout: GroupEntryLayout, records: readonly Data[]): Data {
  const first = records[0] ?? {};
  const items = records.map((record) => Object.fromEntries(Object.entries(record).filter(([name]) => !layout.shared.includes(name))));
  return { ...Object.fromEntries(layout.shared.map((field) => [field, first[field]])), [layout.itemsField]: items };
}

/**
 * Where a problem of the record at `index` lands in the entry: a shared field at the top
 * (`/personId`), any other under its item (`/segments/1/startDate`); none without a path.
 */
export function entryPath(layout: GroupEntryLayout, index: number, pointer: string | undefined): string | undefined {
  if (!pointer) return undefined;
  const field = pointer.split('/')[1] ?? '';
  return layout.shared.includes(field) ? pointer : `/${layout.itemsField}/${index}${pointer}`;
}

/** Problems of the records at the given item indexes, moved to their places in the entry; duplicates kept once. */
export function placeProblems(layout: GroupEntryLayout, problems: ReadonlyArray<{ index: number; item: ErrorItem }>): ErrorItem[] {
  const seen = new Set<string>();
  return problems.flatMap(({ index, item }) => {
    const path = entryPath(layout, index, item.path);
    const key = `${path ?? ''}\u0000${item.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const { path: _path, ...rest } = item;
    return [path ? { ...rest, path } : rest];
  });
}

const BATCH_PATH = /^\/items\/(\d+)\/data(\/.*)?$/;

/**
 * A refused batch create's problems (`/items/<i>/data/<field>`) placed in the entry; `items` maps
 * the batch position to the item index when not every item was sent.
 */
export function batchProblems(layout: GroupEntryLayout, errors: readonly ErrorItem[], items?: readonly number[]): ErrorItem[] {
  return placeProblems(layout, errors.map((error) => {
    const match = BATCH_PATH.exec(error.path ?? '');
    if (!match) return { index: -1, item: { ...error, path: undefined } };
    const position = Number(match[1]);
    return { index: items?.[position] ?? position, item: { ...error, path: match[2] ?? undefined } };
  }));
}

/**
 * The rules' verdict on an entry as the server will give it on save: every item judged with the
 * other items and the group's stored records (`stored`, already without any item being edited),
 * each problem placed at its field in the entry.
 */
export function judgeEntry(rules: EntityRules, layout: GroupEntryLayout, entry: Data, stored: readonly Data[],
  lookup: LookupResolver): ErrorItem[] {
  const records = entryRecords(layout, entry);
  return placeProblems(layout, records.flatMap((record, index) => {
    const candidates = [...records.filter((_r, i) => i !== index), ...stored];
    return rules.judge(record, candidates, lookup).map((item) => ({ index, item }));
  }));
}

/** Codes of the problems, once each, sorted (what tests compare with the rule table). */
export function problemCodes(problems: readonly ErrorItem[]): string[] {
  return [...new Set(problems.map((p) => p.code))].sort();
}
