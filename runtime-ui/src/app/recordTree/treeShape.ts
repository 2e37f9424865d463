import type { EntityDefinition, RefAnnotation } from '../../api';
import { viewField } from '../entityViews/viewOptions';
import type { TreeShape } from './recordTree';

/**
 * How an entity's records form a tree: the parent is the field referring to the same entity with
 * `x-ref.tree`; siblings are ordered by `ui:viewOptions.orderField`, then by the titleField.
 */
export function treeShapeOf(definition: EntityDefinition): TreeShape | undefined {
  const parent = Object.entries(definition.schema.properties ?? {}).find(([, node]) => {
    const ref = node['x-ref'] as RefAnnotation | undefined;
    return ref?.entity === definition.key && ref.tree === true;
  });
  if (!parent) return undefined;
  return { parentField: parent[0], orderField: viewField(definition, 'orderField'), titleField: definition.titleField };
}
