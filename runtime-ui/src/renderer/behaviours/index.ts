import type { RJSFValidationError } from '@rjsf/utils';
import type { JsonObject, SchemaNode } from '../../api';
import type { FormBehaviour } from './FormBehaviour';
import { idDocumentBehaviour } from './idDocumentBehaviour';
import { deriveBehaviour } from '../../rules/derive';

export type { FormBehaviour } from './FormBehaviour';
export { factsFromIdNumber, idDocumentBehaviour } from './idDocumentBehaviour';

/** Behaviours every entity form gets; each one acts only where its annotation is present (`x-derive`: computed fields). */
export const defaultBehaviours: readonly FormBehaviour[] = [idDocumentBehaviour, deriveBehaviour];

export function applyChangeBehaviours(behaviours: readonly FormBehaviour[], schema: SchemaNode,
  before: JsonObject, after: JsonObject): JsonObject {
  return behaviours.reduce((data, b) => b.onChange?.(schema, before, data) ?? data, after);
}

export function applyErrorFilters(behaviours: readonly FormBehaviour[], schema: SchemaNode,
  errors: RJSFValidationError[], data: JsonObject): RJSFValidationError[] {
  return behaviours.reduce((list, b) => b.filterErrors?.(list, schema, data) ?? list, errors);
}
