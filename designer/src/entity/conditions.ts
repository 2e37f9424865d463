import { isObject, omit, toggled } from './entityContent';
import type { SchemaNode } from './fieldTypes';

/** "Required when field `field` has value `value`" — JSON Schema `if {field: const} then {required}`, at the root or in `allOf`. */
export interface RequiredWhen { field: string; value: string | number | boolean }

type Schema = SchemaNode & { allOf?: unknown[] };

/** The condition of an `if`/`then` pair when it has the shape the editor writes; else undefined (left to the JSON editor). */
function conditionOf(node: SchemaNode): { when: RequiredWhen; required: string[] } | undefined {
  const test = node.if;
  const then = node.then;
  if (!isObject(test) || !isObject(then) || Object.keys(then).some((k) => k !== 'required') || !Array.isArray(then.required)) return undefined;
  const properties = isObject(test.properties) ? test.properties : {};
  const names = Object.keys(properties);
  const field = names[0];
  const constant = field && isObject(properties[field]) ? (properties[field] as SchemaNode).const : undefined;
  if (names.length !== 1 || constant === undefined || !['string', 'number', 'boolean'].includes(typeof constant)) return undefined;
  return { when: { field: field!, value: constant as RequiredWhen['value'] }, required: then.required as string[] };
}

const makeCondition = (when: RequiredWhen, required: string[]): SchemaNode => ({
  if: { required: [when.field], properties: { [when.field]: { const: when.value } } },
  then: { required },
});

/** The condition under which `id` is required, if the schema states one the editor understands. */
export function requiredWhenOf(schema: Schema, id: string): RequiredWhen | undefined {
  const nodes = [schema, ...(schema.allOf ?? []).filter(isObject)];
  return nodes.map(conditionOf).find((c) => c?.required.includes(id))?.when;
}

const sameWhen = (a: RequiredWhen, b: RequiredWhen) => a.field === b.field && a.value === b.value;

/**
 * Sets (or with undefined removes) the condition under which `id` is required: the field leaves every
 * condition the editor understands, then joins the one with the same test, else a new `allOf` entry.
 * Conditions left with no field are removed; others (written by hand) are kept as they are.
 */
export function setRequiredWhen<S extends Schema>(schema: S, id: string, when: RequiredWhen | undefined): S {
  let placed = false;
  const update = (node: SchemaNode): SchemaNode | undefined => {
    const condition = conditionOf(node);
    if (!condition) return node;
    const joins = when !== undefined && !placed && sameWhen(condition.when, when);
    placed ||= joins;
    const required = toggled(condition.required, id, joins);
    return required.length === 0 ? undefined : { ...node, ...makeCondition(condition.when, required) };
  };
  const root = update(schema);
  let next = root ? (root as S) : omit(schema, ['if', 'then']);
  const allOf = (schema.allOf ?? []).map((n) => (isObject(n) ? update(n) : n)).filter((n) => n !== undefined);
  if (when && !placed) allOf.push(makeCondition(when, [id]));
  next = allOf.length > 0 ? { ...next, allOf } : omit(next, ['allOf']);
  return next;
}

/** Every condition mentioning `id` (as the tested field or a required one) drops it: used when a field is deleted. */
export function dropFromConditions<S extends Schema>(schema: S, id: string): S {
  const tests = (node: unknown) => isObject(node) && conditionOf(node)?.when.field === id;
  const cleaned = setRequiredWhen(schema, id, undefined);
  const root = tests(cleaned) ? omit(cleaned, ['if', 'then']) : cleaned;
  const allOf = (root.allOf ?? []).filter((n) => !tests(n));
  return allOf.length > 0 ? { ...root, allOf } : omit(root, ['allOf']);
}
