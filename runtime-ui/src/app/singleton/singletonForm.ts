import type { EntityDefinition, JsonObject } from '../../api';

/**
 * The definition as the first entry shows it: read-only fields (主体信息) become fillable, because
 * the server accepts them when the record is created and keeps them from then on.
 */
export function forFirstEntry(definition: EntityDefinition): EntityDefinition {
  const properties = Object.fromEntries(Object.entries(definition.schema.properties ?? {})
    .map(([name, node]) => [name, node.readOnly ? { ...node, readOnly: false } : node]));
  return { ...definition, schema: { ...definition.schema, properties } };
}

/** What a first entry starts with: the record's name is the organisation's own (e.g. 机构名称). */
export function firstEntryData(definition: EntityDefinition, orgName: string | undefined): JsonObject {
  return definition.titleField && orgName ? { [definition.titleField]: orgName } : {};
}
