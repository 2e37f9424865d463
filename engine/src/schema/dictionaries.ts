/** A dictionary as the engine uses it: items by code, with the attributes the definition declares. */
export interface DictionaryItem {
  code: string;
  label: string;
  order: number;
  enabled: boolean;
  parent?: string;
  aliases: string[];
  attrs: Record<string, string | number | boolean>;
}

export interface Dictionary {
  key: string;
  version: number;
  title: string;
  items: DictionaryItem[];
  byCode: Map<string, DictionaryItem>;
}

/** Where validation finds dictionaries in force (the definitions registry implements it). */
export interface DictionaryLookup {
  dictionary(key: string): Dictionary | undefined;
}

interface DictionaryContent {
  key: string;
  title: string;
  items: Array<Partial<DictionaryItem> & { code: string; label: string }>;
}

export function buildDictionary(content: DictionaryContent, version: number): Dictionary {
  const items = content.items.map((item, index): DictionaryItem => ({
    code: item.code,
    label: item.label,
    order: item.order ?? index + 1,
    enabled: item.enabled ?? true,
    ...(item.parent === undefined ? {} : { parent: item.parent }),
    aliases: item.aliases ?? [],
    attrs: item.attrs ?? {},
  }));
  items.sort((a, b) => a.order - b.order);
  return { key: content.key, version, title: content.title, items, byCode: new Map(items.map((i) => [i.code, i])) };
}

/** Items a user may pick: enabled and not a grouping node. */
export function isSelectable(item: DictionaryItem): boolean {
  return item.enabled && item.attrs.selectable !== false;
}
