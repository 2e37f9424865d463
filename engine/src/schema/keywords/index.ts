import type { KeywordDefinition } from 'ajv/dist/2020.js';
import type { DictionaryLookup } from '../dictionaries.js';
import { dictionaryKeyword } from './dictionaryKeyword.js';
import { idDocumentKeyword } from './idDocumentKeyword.js';

export { checkIdDocument, withoutDerivableRequired, type IdDocumentConfig } from './idDocumentKeyword.js';

const identifier = { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$' };

/**
 * Annotation keywords: no validation of data, but their values are checked when a definition is
 * compiled (ajv strict mode refuses any other unknown keyword, so a typo such as `x-dictonary` fails).
 */
const annotations: KeywordDefinition[] = [
  { keyword: 'x-search', metaSchema: { type: 'boolean' } },
  { keyword: 'x-list', metaSchema: { type: 'boolean' } },
  { keyword: 'x-patternMessage', metaSchema: { type: 'string', minLength: 1 } },
  { keyword: 'x-derive', metaSchema: { type: 'string', minLength: 1 } },
  // Changed only through the one-record edit (e.g. 在职状态): never by bulk changes or import overwrite.
  { keyword: 'x-singleEdit', metaSchema: { type: 'boolean' } },
  // Personal data kept encrypted at rest, masked in lists and exports unless revealed (engine/src/privacy).
  { keyword: 'x-sensitive', metaSchema: { type: 'boolean' } },
  {
    keyword: 'x-attachment',
    metaSchema: {
      type: 'object',
      properties: {
        accept: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['jpg', 'png', 'pdf'] } },
        entryRequired: { type: 'boolean' },
      },
      additionalProperties: false,
    },
  },
  { keyword: 'x-normalize', metaSchema: { type: 'array', items: { enum: ['upperCase', 'nfkc', 'idNumber'] }, uniqueItems: true } },
  {
    keyword: 'x-ref',
    metaSchema: {
      type: 'object',
      required: ['entity'],
      properties: {
        entity: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$' },
        deleteMessage: { type: 'string', minLength: 1 },
        tree: { type: 'boolean' },
        filter: { type: 'object', propertyNames: identifier, additionalProperties: { type: 'string' } },
        filterMessage: { type: 'string', minLength: 1 },
      },
      additionalProperties: false,
    },
  },
];

/** Every `x-` keyword an entity schema may use, bound to the dictionaries in force. */
export function entityKeywords(lookup: DictionaryLookup): KeywordDefinition[] {
  return [...annotations, dictionaryKeyword(lookup), idDocumentKeyword(lookup)];
}
