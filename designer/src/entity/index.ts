/** The entity form editor of the designer: fields, live preview, schema/uiSchema JSON, impact on stored records. */
export { EntityEditor } from './EntityEditor';
export { addField, fieldView, fieldViews, idProblem, moveField, removeField, updateField, type FieldView } from './fieldModel';
