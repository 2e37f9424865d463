import { constOptions, type FormBehaviour, type JsonObject, type SchemaNode } from '../../lib';

/** The choice fields (dictionary values, e.g. 考生类型) of `previous` that `item` does not have yet. */
export function carriedChoices(itemSchema: SchemaNode, previous: JsonObject, item: JsonObject = {}): JsonObject {
  const carried = { ...item };
  for (const [field, node] of Object.entries(itemSchema.properties ?? {})) {
    if (constOptions(node) && (carried[field] === undefined || carried[field] === null) && previous[field] !== undefined) {
      carried[field] = previous[field];
    }
  }
  return carried;
}

/**
 * When an item is added to a list of objects (一段新的试用期), its choice fields (e.g. 考生类型)
 * start as the previous item's: a person's segments share them, and the clerk picks once.
 */
export const carryOverBehaviour: FormBehaviour = {
  onChange(schema, before, after) {
    let next = after;
    for (const [name, node] of Object.entries(schema.properties ?? {})) {
      const was = before[name];
      const now = after[name];
      if (node.type !== 'array' || !node.items || !Array.isArray(was) || !Array.isArray(now)
        || now.length !== was.length + 1 || now.length < 2) continue;
      const added = carriedChoices(node.items, (now.at(-2) ?? {}) as JsonObject, (now.at(-1) ?? {}) as JsonObject);
      next = { ...next, [name]: [...now.slice(0, -1), added] };
    }
    return next;
  },
};
