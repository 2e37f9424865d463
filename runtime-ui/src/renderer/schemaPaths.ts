import type { SchemaNode } from '../api';

/** Splits a JSON pointer (`/branches/0/name`) into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (!pointer || pointer === '/') return [];
  return pointer.replace(/^\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Splits an rjsf property path (`.branches.0.name`) into segments. */
export function propertySegments(property: string | undefined): string[] {
  return (property ?? '').split('.').filter((s) => s !== '');
}

/** The schema node describing the value at `segments`, or undefined when the schema has no such field. */
export function schemaAt(root: SchemaNode, segments: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of segments) {
    if (!node) return undefined;
    node = /^\d+$/.test(segment) && node.items ? node.items : node.properties?.[segment];
  }
  return node;
}

/** The Chinese title of a field (its last segment when the schema has none). */
export function titleAt(root: SchemaNode, segments: readonly string[]): string {
  return schemaAt(root, segments)?.title ?? segments.at(-1) ?? '数据';
}

/** A field's options when it is a choice among constants (`oneOf: [{const, title}]`). */
export function constOptions(node: SchemaNode | undefined): SchemaNode[] | undefined {
  const options = node?.oneOf;
  return options && options.length > 0 && options.every((o) => 'const' in o) ? options : undefined;
}
