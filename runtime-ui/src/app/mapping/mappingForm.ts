import type { EntityDefinition, JsonObject, RecordItem, SchemaNode, UiSchemaNode } from '../../api';

/** The one-field form of a mapping: the mapping field of the entity, required, with its uiSchema (help, widget). */
export function mappingForm(definition: EntityDefinition, field: string): { schema: SchemaNode; uiSchema: UiSchemaNode } {
  const node = definition.schema.properties?.[field] ?? {};
  return {
    schema: { type: 'object', required: [field], properties: { [field]: node } },
    uiSchema: { [field]: (definition.uiSchema[field] ?? {}) as UiSchemaNode },
  };
}

/** The record's data with the mapping set (the other fields as stored: the update replaces the whole record). */
export function mappedData(record: RecordItem, field: string, value: unknown): JsonObject {
  return { ...record.data, [field]: value };
}

/** The filter of the records not mapped yet: the empty value means "has no value". */
export const unmappedFilter = (field: string): Record<string, string> => ({ [field]: '' });
