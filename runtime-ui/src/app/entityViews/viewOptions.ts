import type { EntityDefinition } from '../../api';

/** The uiSchema key that names an entity's page: `"ui:view": "tree" | "singleton" | "mapping"`. */
export const VIEW_KEY = 'ui:view';
/** Settings of that page, e.g. `{"orderField": "order"}` (tree) or `{"mappingField": "standardPost"}` (mapping). */
export const VIEW_OPTIONS_KEY = 'ui:viewOptions';

/** The page an entity's uiSchema asks for, if any. */
export function declaredView(definition: EntityDefinition): string | undefined {
  const name = definition.uiSchema[VIEW_KEY];
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** One string setting of the view that names a field of the entity (undefined when absent or not a field). */
export function viewField(definition: EntityDefinition, option: string): string | undefined {
  const options = definition.uiSchema[VIEW_OPTIONS_KEY] as Record<string, unknown> | undefined;
  const name = options?.[option];
  return typeof name === 'string' && definition.schema.properties?.[name] ? name : undefined;
}

/**
 * Whether the user's organisation files this entity's records (institutions own theirs; bureaus
 * own bureau records). The special pages are for the owner; the bureaus above read the flat list.
 */
export function ownsEntity(definition: EntityDefinition, orgLevel: string): boolean {
  return (definition.owner === 'institution') === (orgLevel === 'institution');
}
