import { validateIdNumber } from '@zjrj/engine/idDocuments';
import type { JsonObject, SchemaNode } from '../../api';
import { propertySegments } from '../schemaPaths';
import type { FormBehaviour } from './FormBehaviour';

/** `x-idDocument` on an object schema: which fields hold the document type, number and derived facts. */
interface IdDocumentConfig {
  type: string;
  number: string;
  sex?: string;
  birthDate?: string;
  nationality?: string;
}

function configOf(schema: SchemaNode): IdDocumentConfig | undefined {
  const config = schema['x-idDocument'] as IdDocumentConfig | undefined;
  return config && typeof config.number === 'string' ? config : undefined;
}

/** The ID-number validator key the chosen document type carries (`x-attrs.validator` of its dictionary item). */
function validatorOf(schema: SchemaNode, config: IdDocumentConfig, data: JsonObject): string | undefined {
  const chosen = schema.properties?.[config.type]?.oneOf?.find((option) => option.const === data[config.type]);
  const validator = (chosen?.['x-attrs'] as Record<string, unknown> | undefined)?.validator;
  return typeof validator === 'string' ? validator : undefined;
}

/**
 * Birth date and sex (GB/T 2261.1 code: 1 男, 2 女) carried by a valid ID number of the chosen
 * document type, checked by the engine's own module (the same code the server runs).
 */
export function factsFromIdNumber(schema: SchemaNode, data: JsonObject): { birthDate: string; sex: string } | undefined {
  const config = configOf(schema);
  const number = config ? data[config.number] : undefined;
  const validator = config ? validatorOf(schema, config, data) : undefined;
  if (!config || typeof number !== 'string' || !validator) return undefined;
  const nationality = config.nationality ? data[config.nationality] : undefined;
  const result = validateIdNumber(validator, number, typeof nationality === 'string' ? { nationality } : {});
  return result.ok && result.birthDate && result.sex ? { birthDate: result.birthDate, sex: result.sex } : undefined;
}

/**
 * Fills sex and birth date as soon as a valid ID number is typed (the server derives and checks
 * them too), and lets a form with a filled-in number reach the server even while those two are
 * empty: the server then reports what is wrong with the number itself.
 */
export const idDocumentBehaviour: FormBehaviour = {
  onChange(schema, before, after) {
    const config = configOf(schema);
    const unchanged = config && after[config.number] === before[config.number] && after[config.type] === before[config.type];
    const facts = config && !unchanged ? factsFromIdNumber(schema, after) : undefined;
    if (!config || !facts) return after;
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
