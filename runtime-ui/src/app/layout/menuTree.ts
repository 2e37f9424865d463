import type { MenuItem } from '../../api';

/** The first item (depth first) satisfying `test`, with the keys of its ancestors. */
export function findMenuItem(items: readonly MenuItem[], test: (item: MenuItem) => boolean,
  ancestors: string[] = []): { item: MenuItem; ancestors: string[] } | undefined {
  for (const item of items) {
    if (test(item)) return { item, ancestors };
    const found = findMenuItem(item.children, test, [...ancestors, item.key]);
    if (found) return found;
  }
  return undefined;
}

/** Every item without children (what opens a page: an entity's list, a registered page, a route), depth first. */
export function leafItems(items: readonly MenuItem[]): MenuItem[] {
  return items.flatMap((item) => (item.children.length > 0 ? leafItems(item.children) : [item]));
}
