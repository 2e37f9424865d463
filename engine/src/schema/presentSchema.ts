import { isSelectable, type DictionaryLookup } from './dictionaries.js';

type SchemaNode = Record<string, unknown>;

/**
 * The schema as a form renderer needs it: each `x-dictionary` field gains `oneOf` of its selectable
 * items (`const` = code, `title` = label) from the dictionary version in force. Server-side
 * validation keeps using `x-dictionary`; this is presentation only.
 */
export function presentSchema(schema: SchemaNode, lookup: DictionaryLookup): SchemaNode {
  const node: SchemaNode = { ...schema };
  const dictionaryKey = schema['x-dictionary'];
  if (typeof dictionaryKey === 'string') {
    const dictionary = lookup.dictionary(dictionaryKey);
    const items = dictionary?.items.filter(isSelectable) ?? [];
    node.oneOf = items.map((item) => ({
      const: item.code,
      title: item.label,
      ...(item.parent ? { 'x-parent': item.parent } : {}),
    }));
  }
  if (schema.properties) {
    node.properties = Object.fromEntries(Object.entries(schema.properties as Record<string, SchemaNode>)
      .map(([name, child]) => [name, presentSchema(child, lookup)]));
  }
  if (schema.items && typeof schema.items === 'object') node.items = presentSchema(schema.items as SchemaNode, lookup);
  return node;
}
