import { isDeepStrictEqual } from 'node:util';
import { maskIdNumber } from './mask.js';

/** Field-level changes, in the shape of the records' audit trail (`record.update`). */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** `{field: {from, to}}` for the fields `after` sets to a value other than the one in `before` (e.g. an account's status). */
export function fieldChanges(before: object, after: object): FieldChanges {
  const old = before as Record<string, unknown>;
  return Object.fromEntries(Object.entries(after)
    .filter(([key, value]) => !isDeepStrictEqual(old[key] ?? null, value ?? null))
    .map(([key, value]) => [key, { from: old[key] ?? null, to: value ?? null }]));
}

/** Document-number fields by name, whatever the document (a passport number is not ID-shaped). */
const DOCUMENT_NUMBER = /idNumber$/i;
const masked = (key: string, value: unknown) => (DOCUMENT_NUMBER.test(key) && typeof value === 'string' ? maskIdNumber(value) : value);

/** fieldChanges of personal data kept outside records (a real-name application), document numbers masked. */
export function maskedChanges(before: object, after: object): FieldChanges {
  return Object.fromEntries(Object.entries(fieldChanges(before, after))
    .map(([key, change]) => [key, { from: masked(key, change.from), to: masked(key, change.to) }]));
}
