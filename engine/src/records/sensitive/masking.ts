import { maskIdNumber } from '../../audit/index.js';
import type { EntitySchema } from '../../schema/index.js';

type Data = Record<string, unknown>;

/** A sensitive value as lists, exports and forms show it without the reveal permission: 110101********1234. */
export const maskValue = (value: unknown): unknown => (typeof value === 'string' ? maskIdNumber(value) : value);

/** The record's data with every sensitive value masked. */
export function maskedData(schema: EntitySchema, data: Data): Data {
  if (!schema.sensitiveFields.some((f) => f in data)) return data;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, schema.sensitiveFields.includes(k) ? maskValue(v) : v]));
}

/** The sensitive fields holding a value in any of these records (what a response reveals). */
export function revealedFields(schema: EntitySchema, records: readonly Data[]): string[] {
  return schema.sensitiveFields.filter((f) => records.some((data) => typeof data[f] === 'string'));
}

/**
 * An update that sends back a sensitive value exactly as it was shown masked keeps the stored value:
 * the form of an actor without the reveal permission holds the mask, never the number.
 */
export function withUnmaskedValues(schema: EntitySchema, stored: Data, input: Data): Data {
  let result = input;
  for (const field of schema.sensitiveFields) {
    const sent = input[field];
    const value = stored[field];
    if (typeof sent === 'string' && typeof value === 'string' && sent.includes('*') && sent === maskValue(value)) {
      result = { ...result, [field]: value };
    }
  }
  return result;
}
