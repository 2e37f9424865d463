import type { ErrorItem } from '../errors/index.js';
import type { EntitySchema } from '../schema/index.js';

type Data = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Field-level changes `{field: {from, to}}` for the audit trail. */
export function diffData(before: Data, after: Data): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!same(before[field], after[field])) changes[field] = { from: before[field] ?? null, to: after[field] ?? null };
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
