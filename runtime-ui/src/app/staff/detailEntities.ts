import type { EntityDefinition, MenuItem, RefAnnotation } from '../../lib';

/** An entity whose records belong to one record of another (e.g. a person's education), shown as a tab. */
export interface DetailEntity {
  /** The menu item the entity's page hangs at (its key and the actions it grants). */
  item: MenuItem;
  definition: EntityDefinition;
  /** The field pointing at the owning record (`x-ref.entity` = the owner's entity). */
  field: string;
}

/** The first field of `definition` referring to `owner` records, if any. */
export function ownerField(definition: EntityDefinition, owner: string): string | undefined {
  return Object.entries(definition.schema.properties ?? {})
    .find(([, node]) => (node['x-ref'] as RefAnnotation | undefined)?.entity === owner)?.[0];
}

/** The detail entities of `owner` among the menu's entity items, in menu order (definitions by entity key). */
export function detailEntities(items: readonly MenuItem[], definitions: ReadonlyMap<string, EntityDefinition>, owner: string): DetailEntity[] {
  return items.flatMap((item) => {
    const definition = item.entity && item.entity !== owner ? definitions.get(item.entity) : undefined;
    const field = definition ? ownerField(definition, owner) : undefined;
    return definition && field ? [{ item, definition, field }] : [];
  });
}

/**
 * The detail entity as its tab shows it: the owner field neither listed nor shown in the form
 * (it is preset to the owner), everything else as defined.
 */
export function scopedToOwner(definition: EntityDefinition, field: string): EntityDefinition {
  const properties = definition.schema.properties ?? {};
  const node = properties[field];
  if (!node) return definition;
  return {
    ...definition,
    schema: { ...definition.schema, properties: { ...properties, [field]: { ...node, 'x-list': false } } },
    uiSchema: { ...definition.uiSchema, [field]: { ...(definition.uiSchema[field] as object | undefined), 'ui:widget': 'hidden' } },
  };
}
