import type { OutputUnit } from '@cfworker/json-schema';
import type { RJSFValidationError } from '@rjsf/utils';
import type { JsonObject, SchemaNode } from '../../api';
import { pointerSegments } from '../schemaPaths';

/** Units that only say "something below failed"; the failures below are reported themselves. */
const WRAPPERS = new Set(['properties', 'patternProperties', 'items', 'prefixItems', 'additionalItems', 'allOf',
  'if', '$ref', '$recursiveRef', 'dependentSchemas', 'dependencies', 'unevaluatedItems', 'false', 'propertyNames']);

const valueAt = (root: unknown, segments: readonly string[]): unknown =>
  segments.reduce<unknown>((node, s) => (node && typeof node === 'object' ? (node as JsonObject)[s] : undefined), root);

/** rjsf's property path: `.a.0.b` (and, as rjsf does, `name` rather than `.name` for a missing root field). */
function propertyOf(instance: string[], child?: string): string {
  const base = instance.map((s) => `.${s}`).join('');
  if (child === undefined) return base;
  return base ? `${base}.${child}` : child;
}

interface UnitContext {
  schema: SchemaNode;
  data: unknown;
}

function paramsFor(unit: OutputUnit, keywordValue: unknown): JsonObject {
  const named: Record<string, string> = { type: 'type', format: 'format', pattern: 'pattern', multipleOf: 'multipleOf', const: 'allowedValue' };
  return named[unit.keyword] ? { [named[unit.keyword]!]: keywordValue } : { limit: keywordValue };
}

/** The names a `required` or `additionalProperties` unit is about (one error each, as ajv reports them). */
function childNames(unit: OutputUnit, keywordValue: unknown, instanceValue: unknown, parent: SchemaNode): string[] {
  const present = instanceValue && typeof instanceValue === 'object' ? Object.keys(instanceValue) : [];
  if (unit.keyword === 'required') return ((keywordValue as string[]) ?? []).filter((k) => !present.includes(k));
  const declared = Object.keys(parent.properties ?? {});
  return present.filter((k) => !declared.includes(k));
}

function toErrors(unit: OutputUnit, { schema, data }: UnitContext): RJSFValidationError[] {
  const instance = pointerSegments(unit.instanceLocation.replace(/^#/, ''));
  const keywordPath = pointerSegments(unit.keywordLocation.replace(/^#/, ''));
  const keywordValue = valueAt(schema, keywordPath);
  const base = { name: unit.keyword, message: unit.error, stack: unit.error, schemaPath: unit.keywordLocation };
  if (unit.keyword === 'required' || unit.keyword === 'additionalProperties') {
    const parent = (valueAt(schema, keywordPath.slice(0, -1)) ?? {}) as SchemaNode;
    const key = unit.keyword === 'required' ? 'missingProperty' : 'additionalProperty';
    return childNames(unit, keywordValue, valueAt(data, instance), parent).map((name) => ({
      ...base, property: unit.keyword === 'required' ? propertyOf(instance, name) : propertyOf(instance), params: { [key]: name },
    }));
  }
  return [{ ...base, property: propertyOf(instance), params: paramsFor(unit, keywordValue) }];
}

/** cfworker's output units → rjsf validation errors, shaped as rjsf's ajv validator shapes them. */
export function toRjsfErrors(units: readonly OutputUnit[], schema: SchemaNode, data: unknown): RJSFValidationError[] {
  const seen = new Set<string>();
  const errors: RJSFValidationError[] = [];
  for (const unit of units) {
    const key = `${unit.instanceLocation}|${unit.keywordLocation}`;
    if (WRAPPERS.has(unit.keyword) || seen.has(key)) continue;
    seen.add(key);
    errors.push(...toErrors(unit, { schema, data }));
  }
  return errors;
}
