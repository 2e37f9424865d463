export { createEntityAjv } from './createAjv.js';
export { buildDictionary, isSelectable, type Dictionary, type DictionaryItem, type DictionaryLookup } from './dictionaries.js';
export { EntitySchema, type AttachmentField, type FieldInfo, type RefField } from './EntitySchema.js';
export { toErrorItems } from './messages.js';
export { presentSchema } from './presentSchema.js';
