/** The dictionary editor of the designer: items table, enable/disable, .xlsx import and export. */
export { DictionaryEditor } from './DictionaryEditor';
export { addItem, displayRows, moveItem, removeItem, updateItem, type ItemRow } from './itemModel';
