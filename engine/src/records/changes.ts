import { maskIdNumber } from '../audit/index.js';
import type { ErrorItem } from '../errors/index.js';
import type { EntitySchema } from '../schema/index.js';

type Data = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const masked = (value: unknown) => (typeof value === 'string' ? maskIdNumber(value) : value);

/** The record's data as the audit trail keeps it: identity-document numbers masked. */
export function auditedData(data: Data, sensitive: string[]): Data {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, sensitive.includes(k) ? masked(v) : v]));
}

/** Field-level changes `{field: {from, to}}` for the audit trail, sensitive values masked. */
export function diffData(before: Data, after: Data, sensitive: string[] = []): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (same(before[field], after[field])) continue;
    const value = (v: unknown) => (sensitive.includes(field) ? masked(v ?? null) : v ?? null);
    changes[field] = { from: value(before[field]), to: value(after[field]) };
  }
  return changes;
}

/** `readOnly` fields keep their stored value on update (e.g. an institution's legal-entity fields). */
export function readOnlyViolations(schema: EntitySchema, before: Data, after: Data): ErrorItem[] {
  return schema.readOnlyFields.filter((field) => !same(before[field], after[field])).map((field) => ({
    code: 'readOnly', path: `/${field}`,
    message: `「${schema.field(field)?.title ?? field}」是只读信息，不能在此修改。`,
  }));
}
