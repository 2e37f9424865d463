/** Dictionaries as .xlsx for the designer: export the items, read an edited file back with its problems. */
export { itemColumns, type DictionaryItemContent, type ItemColumn } from './columns.js';
export { checkItems } from './checkItems.js';
export { ITEMS_SHEET, writeDictionaryWorkbook } from './exportDictionary.js';
export { DICTIONARY_READ_LIMITS, readDictionaryWorkbook, type DictionaryImport } from './importDictionary.js';
