import { isSelectable, type DictionaryItem, type DictionaryLookup } from './dictionaries.js';

type SchemaNode = Record<string, unknown>;

/** A disabled item (not a group node): old records still hold it, so forms and lists must still name it. */
const isDisabledChoice = (item: DictionaryItem) => !item.enabled && item.attrs.selectable !== false;

/**
 * The schema as a form renderer needs it: each `x-dictionary` field gains `oneOf` of its selectable
 * items (`const` = code, `title` = label, `x-parent`, `x-attrs` such as a document type's ID-number
 * validator) from the dictionary version in force, and its disabled items marked `x-disabled` (old
 * records keep showing their label; the widgets do not offer them and the server refuses them in writes). Server-side
 * validation keeps using `x-dictionary`; this is presentation only.
 */
export function presentSchema(schema: SchemaNode, lookup: DictionaryLookup): SchemaNode {
  const node: SchemaNode = { ...schema };
  const dictionaryKey = schema['x-dictionary'];
  if (typeof dictionaryKey === 'string') {
    const dictionary = lookup.dictionary(dictionaryKey);
    const items = dictionary?.items.filter((item) => isSelectable(item) || isDisabledChoice(item)) ?? [];
    node.oneOf = items.map((item) => ({
      const: item.code,
      title: item.label,
      ...(isSelectable(item) ? {} : { 'x-disabled': true }),
      ...(item.parent ? { 'x-parent': item.parent } : {}),
      ...(Object.keys(item.attrs).length > 0 ? { 'x-attrs': item.attrs } : {}),
    }));
  }
  if (schema.properties) {
    node.properties = Object.fromEntries(Object.entries(schema.properties as Record<string, SchemaNode>)
      .map(([name, child]) => [name, presentSchema(child, lookup)]));
  }
  if (schema.items && typeof schema.items === 'object') node.items = presentSchema(schema.items as SchemaNode, lookup);
  return node;
}
