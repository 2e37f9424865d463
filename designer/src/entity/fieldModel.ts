import { dropFromConditions, requiredWhenOf, setRequiredWhen, type RequiredWhen } from './conditions';
import { fieldIds, isObject, omit, partsOf, toggled, withParts } from './entityContent';
import { typeByKey, typeOf, TYPE_KEYWORDS, type SchemaNode } from './fieldTypes';

type Content = Record<string, unknown>;

/** One field as the visual editor shows it; `id` is the stored property name and never follows the title. */
export interface FieldView {
  id: string;
  title: string;
  type: string;
  required: boolean;
  requiredWhen?: RequiredWhen;
  dictionary?: string;
  refEntity?: string;
  format?: string;
  maxLength?: number;
  help?: string;
  /** `ui:visibleWhen`: the FEEL condition under which the field is shown (and may hold a value). */
  visibleWhen?: string;
  list: boolean;
  search: boolean;
  /** Whether the field is a column of the import template; undefined when the entity is not importable. */
  importColumn?: boolean;
}

/** A condition is written once both its field and its value are chosen. */
const isComplete = (when: RequiredWhen | undefined): when is RequiredWhen => Boolean(when?.field) && when?.value !== '';

export const FIELD_ID = /^[a-z][a-zA-Z0-9]*$/;

export function fieldView(content: Content, id: string): FieldView | undefined {
  const { schema, uiSchema, importDecl } = partsOf(content);
  const node = schema.properties[id];
  if (!node) return undefined;
  const ui = isObject(uiSchema[id]) ? uiSchema[id] : {};
  const ref = isObject(node['x-ref']) ? node['x-ref'] : undefined;
  const requiredWhen = requiredWhenOf(schema, id);
  return {
    id, title: typeof node.title === 'string' ? node.title : '', type: typeOf(node).key,
    required: (schema.required ?? []).includes(id),
    ...(requiredWhen ? { requiredWhen } : {}),
    ...(typeof node['x-dictionary'] === 'string' ? { dictionary: node['x-dictionary'] } : {}),
    ...(ref && typeof ref.entity === 'string' ? { refEntity: ref.entity } : {}),
    ...(typeof node.format === 'string' ? { format: node.format } : {}),
    ...(typeof node.maxLength === 'number' ? { maxLength: node.maxLength } : {}),
    ...(typeof ui['ui:help'] === 'string' ? { help: ui['ui:help'] } : {}),
    ...(typeof ui['ui:visibleWhen'] === 'string' ? { visibleWhen: ui['ui:visibleWhen'] } : {}),
    list: node['x-list'] === true, search: node['x-search'] === true,
    ...(importDecl ? { importColumn: !(importDecl.exclude ?? []).includes(id) } : {}),
  };
}

export function fieldViews(content: Content): FieldView[] {
  return fieldIds(content).map((id) => fieldView(content, id)!);
}

const flag = (node: SchemaNode, key: string, on: boolean): SchemaNode => (on ? { ...node, [key]: true } : omit(node, [key]));
const setOrDrop = (node: SchemaNode, key: string, value: unknown): SchemaNode =>
  (value === undefined || value === '' ? omit(node, [key]) : { ...node, [key]: value });

/** The field's schema node after a change of the view's schema-side properties. */
function nodeFor(node: SchemaNode, before: FieldView, view: FieldView): SchemaNode {
  let next: SchemaNode = { ...node, title: view.title };
  if (view.type !== before.type) next = { ...omit(next, TYPE_KEYWORDS), ...typeByKey(view.type)?.make() };
  if (view.type === 'dictionary') next = { ...next, 'x-dictionary': view.dictionary ?? '' };
  if (view.type === 'reference') next = { ...next, 'x-ref': { ...(isObject(next['x-ref']) ? next['x-ref'] : {}), entity: view.refEntity ?? '' } };
  if (view.type === 'text') next = setOrDrop(setOrDrop(next, 'format', view.format), 'maxLength', view.maxLength);
  return flag(flag(next, 'x-list', view.list), 'x-search', view.search);
}

/** Applies an edited view to the definition: schema node, required, conditions, help, import column. The id is never changed here. */
export function updateField(content: Content, view: FieldView): Content {
  const before = fieldView(content, view.id);
  if (!before) return content;
  const { schema, uiSchema, importDecl } = partsOf(content);
  const properties = { ...schema.properties, [view.id]: nodeFor(schema.properties[view.id]!, before, view) };
  const required = view.required === before.required ? schema.required : toggled(schema.required, view.id, view.required);
  const nextSchema = setRequiredWhen(required ? { ...schema, properties, required } : { ...schema, properties },
    view.id, view.required || !isComplete(view.requiredWhen) ? undefined : view.requiredWhen);
  const ui = setOrDrop(setOrDrop(isObject(uiSchema[view.id]) ? uiSchema[view.id] as SchemaNode : {}, 'ui:help', view.help),
    'ui:visibleWhen', view.visibleWhen);
  const nextUi = Object.keys(ui).length > 0 ? { ...uiSchema, [view.id]: ui } : omit(uiSchema, [view.id]);
  const nextImport = importDecl && view.importColumn !== undefined
    ? { ...importDecl, exclude: toggled(importDecl.exclude, view.id, !view.importColumn) } : undefined;
  if (nextImport && nextImport.exclude.length === 0) delete (nextImport as { exclude?: string[] }).exclude;
  return withParts(content, { schema: nextSchema, uiSchema: nextUi, ...(nextImport ? { importDecl: nextImport } : {}) });
}

/** Why an id cannot be used for a new field (Chinese), or undefined. */
export function idProblem(content: Content, id: string): string | undefined {
  if (!FIELD_ID.test(id)) return '字段标识须以小写英文字母开头，只含英文字母和数字（如 wechatId），保存后不能再修改。';
  if (partsOf(content).schema.properties[id]) return `已有标识为「${id}」的字段，请换一个。`;
  return undefined;
}

/** Adds an optional field at the end of the form. */
export function addField(content: Content, id: string, title: string, type: string): Content {
  const { schema, uiSchema } = partsOf(content);
  const node = { title, ...typeByKey(type)?.make() };
  const order = Array.isArray(uiSchema['ui:order']) ? { ...uiSchema, 'ui:order': [...(uiSchema['ui:order'] as string[]), id] } : uiSchema;
  return withParts(content, { schema: { ...schema, properties: { ...schema.properties, [id]: node } }, uiSchema: order });
}

/** Removes a field and every mention of it the editor knows (required, conditions, order, ui, import exclusions). */
export function removeField(content: Content, id: string): Content {
  const { schema, uiSchema, importDecl } = partsOf(content);
  const cleaned = dropFromConditions({ ...schema, properties: omit(schema.properties, [id]) }, id);
  const nextSchema = schema.required ? { ...cleaned, required: toggled(schema.required, id, false) } : cleaned;
  const ui = omit(uiSchema, [id]);
  const nextUi = Array.isArray(ui['ui:order']) ? { ...ui, 'ui:order': toggled(ui['ui:order'] as string[], id, false) } : ui;
  const nextImport = importDecl?.exclude ? { ...importDecl, exclude: toggled(importDecl.exclude, id, false) } : undefined;
  return withParts(content, { schema: nextSchema, uiSchema: nextUi, ...(nextImport ? { importDecl: nextImport } : {}) });
}

/** Moves a field up (-1) or down (+1): the order is written out in full to `ui:order`. */
export function moveField(content: Content, id: string, delta: -1 | 1): Content {
  const ids = fieldIds(content);
  const at = ids.indexOf(id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= ids.length) return content;
  [ids[at], ids[to]] = [ids[to]!, ids[at]!];
  const { uiSchema } = partsOf(content);
  return withParts(content, { uiSchema: { ...uiSchema, 'ui:order': ids } });
}
