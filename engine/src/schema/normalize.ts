import type { DictionaryLookup } from './dictionaries.js';
import { normalizeIdNumber, type IdCheckResult } from './idDocuments/index.js';
import { checkIdDocument, type IdDocumentConfig } from './keywords/index.js';

type Json = unknown;
type SchemaNode = Record<string, unknown>;

/** Normalisers a field opts into with `x-normalize`; every string is also trimmed. */
const normalizers: Record<string, (value: string) => string> = {
  upperCase: (value) => value.toUpperCase(),
  nfkc: (value) => value.normalize('NFKC'),
  idNumber: normalizeIdNumber,
};

function normalizeString(value: string, schema: SchemaNode | undefined): string {
  let result = value.trim();
  for (const name of (schema?.['x-normalize'] as string[] | undefined) ?? []) {
    result = normalizers[name]?.(result) ?? result;
  }
  return result;
}

function normalizeValue(value: Json, schema: SchemaNode | undefined): Json {
  if (typeof value === 'string') return normalizeString(value, schema);
  if (Array.isArray(value)) return value.map((item) => normalizeValue(item, schema?.items as SchemaNode | undefined));
  if (typeof value === 'object' && value !== null) return normalizeObject(value as Record<string, Json>, schema);
  return value;
}

/** Trims strings, applies `x-normalize`, and drops empty values (an emptied field is an absent field). */
function normalizeObject(data: Record<string, Json>, schema: SchemaNode | undefined): Record<string, Json> {
  const properties = (schema?.properties ?? {}) as Record<string, SchemaNode>;
  const result: Record<string, Json> = {};
  for (const [key, value] of Object.entries(data)) {
    const normalized = normalizeValue(value, properties[key]);
    if (normalized === null || normalized === undefined || normalized === '') continue;
    result[key] = normalized;
  }
  return result;
}

/** Fills sex and birth date from a valid identity number when the user left them empty. */
function deriveFromIdDocument(data: Record<string, Json>, schema: SchemaNode, lookup: DictionaryLookup): void {
  const config = schema['x-idDocument'] as IdDocumentConfig | undefined;
  if (!config) return;
  const properties = (schema.properties ?? {}) as Record<string, SchemaNode>;
  const result: IdCheckResult | undefined =
    checkIdDocument(config, data, lookup, properties[config.type]?.['x-dictionary'] as string | undefined);
  if (!result?.ok) return;
  if (config.birthDate && result.birthDate && data[config.birthDate] === undefined) data[config.birthDate] = result.birthDate;
  if (config.sex && result.sex && data[config.sex] === undefined) data[config.sex] = result.sex;
}

/** The same normalisation runs before every validation: single entry, API writes and import rows. */
export function normalizeEntityData(schema: SchemaNode, data: Record<string, Json>, lookup: DictionaryLookup) {
  const normalized = normalizeObject(data, schema);
  deriveFromIdDocument(normalized, schema, lookup);
  return normalized;
}
