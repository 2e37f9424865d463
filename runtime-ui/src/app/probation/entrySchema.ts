import type { ErrorItem } from '@zjrj/engine/contract';
import { isAttachmentField, type EntityDefinition, type JsonObject, type SchemaNode, type UiSchemaNode } from '../../lib';
import { entryItems, type GroupEntryLayout } from '../../rules';

/** The entry form of a group: the shared fields at the top, then the list of items (each the rest of a record). */
export interface EntryForm {
  schema: SchemaNode;
  uiSchema: UiSchemaNode;
}

const pick = <T,>(object: Record<string, T>, names: readonly string[], keep: boolean) =>
  Object.fromEntries(Object.entries(object).filter(([name]) => names.includes(name) === keep));

/** Optional attachment fields of the items (e.g. 补充材料): shown only where a value or a rule asks for them. */
export function foldableFields(definition: EntityDefinition, layout: GroupEntryLayout): string[] {
  const required = definition.schema.required ?? [];
  return Object.entries(definition.schema.properties ?? {})
    .filter(([name, node]) => !layout.shared.includes(name) && !required.includes(name) && isAttachmentField(node))
    .map(([name]) => name);
}

/** The foldable fields to show: those an item has a value for, or a problem (a rule) points at. */
export function demandedFields(fields: readonly string[], layout: GroupEntryLayout, entry: JsonObject,
  problems: readonly ErrorItem[]): string[] {
  const items = entryItems(layout, entry);
  return fields.filter((field) => items.some((item) => item[field] !== undefined && item[field] !== null && item[field] !== '')
    || problems.some((p) => p.path?.endsWith(`/${field}`)));
}

export interface EntryFormOptions {
  /** Editing one stored record: the shared fields fixed, no items added or removed. */
  editing: boolean;
  /** Item fields left out of the form for now (foldable ones nobody asks for). */
  hidden: readonly string[];
  /** uiSchema additions: widgets and templates the page supplies (e.g. the person picker). */
  ui: { shared?: Record<string, UiSchemaNode>; itemTemplate?: unknown; itemsTitle: string };
}

/** The entry form built from the entity's own schema and uiSchema (titles, formats, help, widgets stay as defined). */
export function entryForm(definition: EntityDefinition, layout: GroupEntryLayout, options: EntryFormOptions): EntryForm {
  const properties = definition.schema.properties ?? {};
  const required = definition.schema.required ?? [];
  const ui = definition.uiSchema;
  const order = Array.isArray(ui['ui:order']) ? (ui['ui:order'] as string[]) : Object.keys(properties);
  const itemFields = order.filter((name) => properties[name] && !layout.shared.includes(name));
  const items: SchemaNode = { type: 'object', properties: pick(properties, layout.shared, false),
    required: required.filter((name) => !layout.shared.includes(name)) };
  const schema: SchemaNode = {
    type: 'object',
    required: [...required.filter((name) => layout.shared.includes(name)), layout.itemsField],
    properties: { ...pick(properties, layout.shared, true),
      [layout.itemsField]: { type: 'array', title: options.ui.itemsTitle, minItems: 1, items } },
  };
  const itemUi: UiSchemaNode = { ...pick(ui, itemFields, true), 'ui:order': itemFields };
  for (const name of options.hidden) itemUi[name] = { ...(itemUi[name] as object | undefined), 'ui:widget': 'hidden' };
  const sharedUi = Object.fromEntries(layout.shared.map((name) => [name, {
    ...(ui[name] as object | undefined), ...options.ui.shared?.[name], ...(options.editing ? { 'ui:readonly': true } : {}),
  }]));
  return {
    schema,
    uiSchema: {
      'ui:order': [...layout.shared, layout.itemsField],
      ...sharedUi,
      [layout.itemsField]: {
        items: itemUi,
        'ui:options': { orderable: false, addable: !options.editing, removable: !options.editing },
        ...(options.ui.itemTemplate ? { 'ui:ArrayFieldItemTemplate': options.ui.itemTemplate } : {}),
      },
    },
  };
}
