import type { ErrorObject, FuncKeywordDefinition, AnySchemaObject as SchemaObject } from 'ajv/dist/2020.js';
import type { DataValidateFunction } from 'ajv/dist/types/index.js';
import type { ErrorItem } from '../../errors/index.js';
import type { DictionaryLookup } from '../dictionaries.js';
import { validateIdNumber, type IdCheckResult } from '../idDocuments/index.js';

/** Field names of one identity document inside an object (`x-idDocument` on the object schema). */
export interface IdDocumentConfig {
  type: string;
  number: string;
  sex?: string;
  birthDate?: string;
  nationality?: string;
}

type Data = Record<string, unknown>;

/** Checks the number by the validator its document type names, and derived facts against the fields. */
export function checkIdDocument(config: IdDocumentConfig, data: Data, lookup: DictionaryLookup,
  typeDictionary: string | undefined): IdCheckResult | undefined {
  const type = data[config.type];
  const number = data[config.number];
  if (typeof type !== 'string' || typeof number !== 'string' || !typeDictionary) return undefined;
  const validator = lookup.dictionary(typeDictionary)?.byCode.get(type)?.attrs.validator;
  if (typeof validator !== 'string') return undefined; // an unknown type is reported by x-dictionary
  const nationality = config.nationality ? data[config.nationality] : undefined;
  return validateIdNumber(validator, number, typeof nationality === 'string' ? { nationality } : {});
}

function derivedMismatches(config: IdDocumentConfig, data: Data, result: IdCheckResult & { ok: true },
  fieldTitle: (field: string) => string, lookup: DictionaryLookup, sexDictionary: string | undefined) {
  const errors: Array<{ field: string; message: string }> = [];
  const { birthDate, sex } = result;
  if (config.birthDate && birthDate && data[config.birthDate] !== undefined && data[config.birthDate] !== birthDate) {
    errors.push({ field: config.birthDate,
      message: `「${fieldTitle(config.birthDate)}」与证件号码不一致：按证件号码应为 ${birthDate}，请核对。` });
  }
  if (config.sex && sex && data[config.sex] !== undefined && data[config.sex] !== sex) {
    const label = (sexDictionary && lookup.dictionary(sexDictionary)?.byCode.get(sex)?.label) ?? sex;
    errors.push({ field: config.sex,
      message: `「${fieldTitle(config.sex)}」与证件号码不一致：按证件号码应为“${label}”，请核对。` });
  }
  return errors;
}

/** Document types whose number carries the birth date and sex (they are derived, not typed). */
const DERIVING_VALIDATORS = new Set(['residentId', 'hkMacauTaiwanResidence', 'foreignPermanentResidence']);

/**
 * While the number of a deriving document type is wrong, "please fill in sex / birth date" would be
 * noise: the user never types them; they appear once the number is right.
 */
export function withoutDerivableRequired(errors: ErrorItem[], schema: SchemaObject, data: unknown,
  lookup: DictionaryLookup): ErrorItem[] {
  const config = schema['x-idDocument'] as IdDocumentConfig | undefined;
  if (!config || typeof data !== 'object' || data === null) return errors;
  if (!errors.some((e) => e.path === `/${config.number}`)) return errors;
  const typeDictionary = (schema.properties as Record<string, SchemaObject> | undefined)?.[config.type]?.['x-dictionary'];
  const type = (data as Data)[config.type];
  const validator = typeof type === 'string' && typeof typeDictionary === 'string'
    ? lookup.dictionary(typeDictionary)?.byCode.get(type)?.attrs.validator : undefined;
  if (typeof validator !== 'string' || !DERIVING_VALIDATORS.has(validator)) return errors;
  const derived = new Set([config.sex, config.birthDate].filter(Boolean).map((f) => `/${f!}`));
  return errors.filter((e) => !(e.code === 'required' && e.path !== undefined && derived.has(e.path)));
}

export function idDocumentKeyword(lookup: DictionaryLookup): FuncKeywordDefinition {
  return {
    keyword: 'x-idDocument',
    schemaType: 'object',
    errors: true,
    metaSchema: {
      type: 'object',
      required: ['type', 'number'],
      properties: Object.fromEntries(['type', 'number', 'sex', 'birthDate', 'nationality']
        .map((name) => [name, { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$' }])),
      additionalProperties: false,
    },
    compile(config: IdDocumentConfig, parentSchema: SchemaObject) {
      const properties = (parentSchema.properties ?? {}) as Record<string, SchemaObject>;
      const fieldTitle = (field: string) => String(properties[field]?.title ?? field);
      const dictionaryOf = (field: string | undefined) =>
        field ? properties[field]?.['x-dictionary'] as string | undefined : undefined;
      const validate: DataValidateFunction = (data, context) => {
        if (typeof data !== 'object' || data === null) return true;
        const record = data as Data;
        const result = checkIdDocument(config, record, lookup, dictionaryOf(config.type));
        if (!result) return true;
        const base = context?.instancePath ?? '';
        const errors: Partial<ErrorObject>[] = result.ok
          ? derivedMismatches(config, record, result, fieldTitle, lookup, dictionaryOf(config.sex))
            .map(({ field, message }) => ({ instancePath: `${base}/${field}`, message, params: { reason: 'derivedMismatch' } }))
          : [{ instancePath: `${base}/${config.number}`, message: result.message, params: { reason: result.code } }];
        if (errors.length === 0) return true;
        validate.errors = errors.map((error) => ({ keyword: 'x-idDocument', ...error })) as ErrorObject[];
        return false;
      };
      return validate;
    },
  };
}
