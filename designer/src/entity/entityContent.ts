import type { SchemaNode } from './fieldTypes';

/** The parts of an entity definition the field editor reads and writes. */
export interface EntityParts {
  schema: SchemaNode & { properties: Record<string, SchemaNode>; required?: string[] };
  uiSchema: SchemaNode;
  importDecl: { exclude?: string[]; match?: string[]; owner?: string } | undefined;
}

type Content = Record<string, unknown>;
const isObject = (value: unknown): value is SchemaNode => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the parts, tolerating a half-typed definition (missing pieces read as empty). */
export function partsOf(content: Content): EntityParts {
  const schema = isObject(content.schema) ? content.schema : {};
  const properties = isObject(schema.properties) ? (schema.properties as Record<string, SchemaNode>) : {};
  return {
    schema: { ...schema, properties },
    uiSchema: isObject(content.uiSchema) ? content.uiSchema : {},
    importDecl: isObject(content.import) ? (content.import as EntityParts['importDecl']) : undefined,
  };
}

/** Writes changed parts back; the content's other properties are untouched. */
export function withParts(content: Content, parts: Partial<EntityParts>): Content {
  const next: Content = { ...content };
  if (parts.schema) next.schema = parts.schema;
  if (parts.uiSchema) next.uiSchema = parts.uiSchema;
  if (parts.importDecl) next.import = parts.importDecl;
  return next;
}

/** Field ids in display order: `ui:order` (with `*` for the rest), then the fields it does not name. */
export function fieldIds(content: Content): string[] {
  const { schema, uiSchema } = partsOf(content);
  const names = Object.keys(schema.properties);
  const order = Array.isArray(uiSchema['ui:order']) ? (uiSchema['ui:order'] as unknown[]) : [];
  const listed = order.filter((n): n is string => typeof n === 'string' && names.includes(n));
  const rest = names.filter((n) => !listed.includes(n));
  const withStar = order.includes('*') ? order : [...order, '*'];
  return [...new Set(withStar.flatMap((n) => (n === '*' ? rest : listed.includes(n as string) ? [n as string] : [])))];
}

/** Adds or removes `value` in a list (kept without duplicates; undefined when it becomes empty and `dropEmpty`). */
export function toggled(list: readonly string[] | undefined, value: string, on: boolean): string[] {
  const without = (list ?? []).filter((v) => v !== value);
  return on ? [...without, value] : without;
}

/** A copy of an object without the given keys. */
export function omit<T extends Record<string, unknown>>(node: T, keys: readonly string[]): T {
  return Object.fromEntries(Object.entries(node).filter(([k]) => !keys.includes(k))) as T;
}

export { isObject };
