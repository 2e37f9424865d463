import type { ErrorItem } from '@zjrj/engine/contract';
import { addDays, earliest, latest, monthsAndDays } from '@zjrj/engine/rules';
import type { RecordItem } from '../../lib';
import type { EntityRules, GroupEntryLayout, LookupResolver } from '../../rules';

/** One group of stored records (one person's segments of one exam year), ordered by start date. */
export interface RecordGroup {
  key: string;
  /** The shared fields' values (personId, examYear). */
  shared: Record<string, unknown>;
  records: RecordItem[];
}

const byStart = (a: RecordItem, b: RecordItem) => String(a.data.startDate ?? '').localeCompare(String(b.data.startDate ?? ''));

/** Stored records by their shared fields, newest exam year first, then in the order first seen. */
export function groupRecords(records: readonly RecordItem[], layout: GroupEntryLayout): RecordGroup[] {
  const groups = new Map<string, RecordGroup>();
  for (const record of records) {
    const shared = Object.fromEntries(layout.shared.map((field) => [field, record.data[field]]));
    const key = JSON.stringify(layout.shared.map((field) => shared[field] ?? null));
    const group = groups.get(key) ?? { key, shared, records: [] };
    group.records.push(record);
    groups.set(key, group);
  }
  const list = [...groups.values()];
  list.forEach((group) => group.records.sort(byStart));
  return list.sort((a, b) => Number(b.shared.examYear ?? 0) - Number(a.shared.examYear ?? 0));
}

/** From the first start to the end of the last segment: `1 个月 15 天` (empty without dates). */
export function totalDuration(records: readonly RecordItem[]): string {
  const first = earliest(records.map((r) => r.data.startDate));
  const last = latest(records.map((r) => r.data.endDate));
  return first && last ? monthsAndDays(first, addDays(last, 1)) ?? '' : '';
}

/** What the rules say about a stored group now: each record judged with the others (messages once each). */
export function judgeGroup(rules: EntityRules, group: RecordGroup, lookup: LookupResolver): ErrorItem[] {
  const seen = new Set<string>();
  return group.records.flatMap((record) => rules.judge(record.data, group.records.filter((r) => r !== record).map((r) => r.data), lookup))
    .filter((problem) => !seen.has(problem.message) && seen.add(problem.message) !== undefined);
}
