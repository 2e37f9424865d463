import { compileVisibility, hiddenFields, visibilitySources, type VisibilityCondition } from '@zjrj/engine/rules';
import type { JsonObject, SchemaNode, UiSchemaNode } from '../../api';
import type { FormBehaviour } from '../behaviours';
import { propertySegments } from '../schemaPaths';

/** An entity form's `ui:visibleWhen` conditions, compiled once, with the engine's own FEEL evaluator (no eval). */
export interface FormVisibility {
  fields: readonly string[];
  conditions: readonly VisibilityCondition[];
  /** Top-level defaults: rjsf shows (and submits) them for fields left empty, so conditions see them too. */
  defaults: JsonObject;
}

/**
 * Compiles the conditions of the top-level fields. A condition that does not compile (e.g. while
 * it is being typed in the designer) leaves its field shown: publishing refuses it anyway.
 */
export function compileFormVisibility(schema: SchemaNode, uiSchema: UiSchemaNode | undefined): FormVisibility {
  const fields = Object.keys(schema.properties ?? {});
  const conditions = visibilitySources(uiSchema).flatMap(({ field, source }) => {
    try {
      return fields.includes(field) ? compileVisibility({ [field]: { 'ui:visibleWhen': source } }, fields) : [];
    } catch {
      return [];
    }
  });
  const defaults = Object.fromEntries(Object.entries(schema.properties ?? {})
    .filter(([, node]) => node.default !== undefined).map(([name, node]) => [name, node.default]));
  return { fields, conditions, defaults };
}

/** The fields hidden for `data` (the server's own rule: a condition that is not true hides). */
export function hiddenFor(visibility: FormVisibility, data: JsonObject): string[] {
  if (visibility.conditions.length === 0) return [];
  const shown = { ...data };
  for (const [name, value] of Object.entries(visibility.defaults)) if (shown[name] === undefined) shown[name] = value;
  return hiddenFields(visibility.conditions, shown, visibility.fields);
}

/** The data without values in hidden fields (the same object when there are none), so no stale value reaches the server. */
export function withoutHidden(visibility: FormVisibility, data: JsonObject): JsonObject {
  const stale = hiddenFor(visibility, data).filter((f) => Object.hasOwn(data, f));
  if (stale.length === 0) return data;
  const next = { ...data };
  for (const field of stale) delete next[field];
  return next;
}

/** The uiSchema with the hidden fields not rendered (rjsf's `hidden` widget, which the object templates skip). */
export function hideFields(uiSchema: UiSchemaNode, hidden: readonly string[]): UiSchemaNode {
  if (hidden.length === 0) return uiSchema;
  const next: UiSchemaNode = { ...uiSchema };
  for (const field of hidden) next[field] = { ...(uiSchema[field] as UiSchemaNode | undefined), 'ui:widget': 'hidden' };
  return next;
}

/** Clears a field's value as soon as it becomes hidden, and drops browser errors about hidden fields (e.g. required). */
export function visibilityBehaviour(visibility: FormVisibility): FormBehaviour {
  return {
    onChange: (_schema, _before, after) => withoutHidden(visibility, after),
    filterErrors(errors, _schema, data) {
      const hidden = new Set(hiddenFor(visibility, data));
      return hidden.size === 0 ? errors : errors.filter((e) => !hidden.has(propertySegments(e.property)[0] ?? ''));
    },
  };
}
