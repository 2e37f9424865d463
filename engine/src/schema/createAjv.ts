import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvErrors from 'ajv-errors';
import ajvFormats from 'ajv-formats';
import type { DictionaryLookup } from './dictionaries.js';
import { domainFormats } from './formats.js';
import { entityKeywords } from './keywords/index.js';

// CJS plugins under NodeNext: the default export arrives as the module object (stack notes, gotcha 3).
const addFormats = ajvFormats as unknown as typeof ajvFormats.default;
const addErrors = ajvErrors as unknown as typeof ajvErrors.default;

/**
 * The one ajv configuration for entity data: JSON Schema 2020-12, every error collected, strict
 * about unknown keywords (our `x-` ones are registered), domain formats, ajv-errors messages.
 */
export function createEntityAjv(lookup: DictionaryLookup): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    logger: false,
  });
  addFormats(ajv, ['date', 'date-time', 'email', 'uri']);
  addErrors(ajv);
  for (const [name, format] of Object.entries(domainFormats)) ajv.addFormat(name, format.validate);
  for (const keyword of entityKeywords(lookup)) ajv.addKeyword(keyword);
  return ajv;
}
