import type { JsonObject, SchemaNode } from '../../api';
import { propertySegments } from '../schemaPaths';
import type { FormBehaviour } from './FormBehaviour';

/** `x-idDocument` on an object schema: which fields hold the document type, number and derived facts. */
interface IdDocumentConfig {
  type: string;
  number: string;
  sex?: string;
  birthDate?: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

function configOf(schema: SchemaNode): IdDocumentConfig | undefined {
  const config = schema['x-idDocument'] as IdDocumentConfig | undefined;
  return config && typeof config.number === 'string' ? config : undefined;
}

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * Birth date and sex (GB/T 2261.1 code: 1 男, 2 女) carried by an 18-character GB 11643 number
 * (居民身份证, 港澳台居民居住证, new 外国人永久居留身份证); undefined when it is not one.
 */
export function factsFromIdNumber(raw: string): { birthDate: string; sex: string } | undefined {
  const number = raw.normalize('NFKC').trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(number)) return undefined;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + Number(number[i]) * weight, 0);
  if (CHECK_CHARS[sum % 11] !== number[17]) return undefined;
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  if (!isCalendarDate(birthDate)) return undefined;
  return { birthDate, sex: Number(number[16]) % 2 === 1 ? '1' : '2' };
}

/**
 * Fills sex and birth date as soon as a valid ID number is typed (the server derives and checks
 * them too), and lets a form with a filled-in number reach the server even while those two are
 * empty: the server then reports what is wrong with the number itself.
 */
export const idDocumentBehaviour: FormBehaviour = {
  onChange(schema, before, after) {
    const config = configOf(schema);
    const number = config ? after[config.number] : undefined;
    if (!config || typeof number !== 'string' || number === before[config.number]) return after;
    const facts = factsFromIdNumber(number);
    if (!facts) return after;
    const next = { ...after };
    if (config.birthDate) next[config.birthDate] = facts.birthDate;
    if (config.sex) next[config.sex] = facts.sex;
    return next;
  },
  filterErrors(errors, schema, data: JsonObject) {
    const config = configOf(schema);
    if (!config || !data[config.number]) return errors;
    const derived = new Set([config.sex, config.birthDate].filter(Boolean));
    // rjsf names a root field `sex` for `required` and `.sex` for other keywords.
    const fieldOf = (property: string | undefined) => propertySegments(property).join('.');
    return errors.filter((e) => !(e.name === 'required' && derived.has(fieldOf(e.property))));
  },
};
