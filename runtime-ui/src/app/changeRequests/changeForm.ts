import type { EntityDefinition, JsonObject, SchemaNode, UiSchemaNode } from '../../api';

/** The entity whose read-only fields (主体信息) are changed by request (`/api/change-requests/institution`). */
export const CHANGE_REQUEST_ENTITY = 'institution';

export interface ChangeForm {
  fields: string[];
  schema: SchemaNode;
  uiSchema: UiSchemaNode;
}

/**
 * The form of a change request: the entity's read-only fields, made fillable, in the entity's
 * order and with its widgets (without the "提交修改申请" help that the read-only form shows).
 */
export function changeFormOf(definition: EntityDefinition): ChangeForm {
  const properties = definition.schema.properties ?? {};
  const order = (definition.uiSchema['ui:order'] as string[] | undefined) ?? Object.keys(properties);
  const fields = [...order, ...Object.keys(properties)].filter((f, i, all) => properties[f]?.readOnly && all.indexOf(f) === i);
  const fieldUi = (field: string) => {
    const { 'ui:help': _help, ...rest } = (definition.uiSchema[field] ?? {}) as Record<string, unknown>;
    return rest;
  };
  return {
    fields,
    schema: {
      type: 'object',
      properties: Object.fromEntries(fields.map((f) => [f, { ...properties[f], readOnly: false }])),
      required: (definition.schema.required ?? []).filter((f) => fields.includes(f)),
    },
    uiSchema: { 'ui:order': fields, ...Object.fromEntries(fields.map((f) => [f, fieldUi(f)])) },
  };
}

/** The read-only fields' values of the record (what a new request starts from). */
export const readOnlyValues = (form: ChangeForm, data: JsonObject): JsonObject =>
  Object.fromEntries(form.fields.filter((f) => data[f] !== undefined).map((f) => [f, data[f]!]));
