import { compileExpression, feelHelpers, freeVariables, type CompiledExpression } from '@zjrj/engine/rules';
import type { JsonObject, SchemaNode } from '../api';
import type { FormBehaviour } from '../renderer/behaviours';

interface Derived { name: string; expression: CompiledExpression }

const compiled = new WeakMap<SchemaNode, Derived[]>();

/** The `x-derive` fields of one object schema, compiled once (unknown names: the field is left to the server). */
function derivedFields(node: SchemaNode): Derived[] {
  let fields = compiled.get(node);
  if (!fields) {
    const properties = node.properties ?? {};
    const names = [...Object.keys(properties), ...Object.keys(feelHelpers)];
    fields = Object.entries(properties).flatMap(([name, child]) => {
      const source = child['x-derive'];
      if (typeof source !== 'string') return [];
      try {
        if (freeVariables(source).some((v) => !names.includes(v.name))) return [];
        return [{ name, expression: compileExpression(source, names) }];
      } catch {
        return [];
      }
    });
    compiled.set(node, fields);
  }
  return fields;
}

function deriveObject(node: SchemaNode, data: JsonObject): JsonObject {
  let next = data;
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const value = data[name];
    const derived = deriveValue(child, value);
    if (derived !== value) next = { ...next, [name]: derived };
  }
  const fields = derivedFields(node);
  if (fields.length === 0) return next;
  const variables: Record<string, unknown> = { ...feelHelpers };
  for (const name of Object.keys(node.properties ?? {})) variables[name] = next[name] ?? null;
  const result = { ...next };
  for (const field of fields) {
    const { value } = field.expression.run(variables);
    if (value === null || value === undefined) delete result[field.name];
    else result[field.name] = value;
  }
  return fields.every((f) => result[f.name] === next[f.name]) ? next : result;
}

function deriveValue(node: SchemaNode, value: unknown): unknown {
  if (Array.isArray(value) && node.items) {
    const items = value.map((item) => deriveValue(node.items!, item));
    return items.every((item, i) => item === value[i]) ? value : items;
  }
  if (value && typeof value === 'object' && node.properties) return deriveObject(node, value as JsonObject);
  return value;
}

/**
 * The data with every `x-derive` field computed from its siblings (at any depth, e.g. the duration
 * of each probation segment), with the engine's FEEL helpers: what the server will store. The same
 * object comes back when nothing changed.
 */
export function deriveFields(schema: SchemaNode, data: JsonObject): JsonObject {
  return deriveObject(schema, data);
}

/** Derived fields shown live in any form (the server recomputes them on save). */
export const deriveBehaviour: FormBehaviour = {
  onChange: (schema, _before, after) => deriveFields(schema, after),
};
