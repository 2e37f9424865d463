import type { Ajv2020 } from 'ajv/dist/2020.js';
import { buildDictionary, createEntityAjv, type Dictionary } from '../schema/index.js';
import type { DefinitionSetView } from './kinds/index.js';
import type { DefinitionContent, DefinitionKind, DictionaryContent } from './types.js';

/** Definitions by kind and key, with dictionaries built on demand; what references resolve against. */
export class DefinitionSet implements DefinitionSetView {
  private readonly byKind = new Map<DefinitionKind, Map<string, DefinitionContent>>();
  private readonly dictionaries = new Map<string, Dictionary>();
  private ajv?: Ajv2020;

  constructor(contents: Iterable<DefinitionContent> = []) {
    for (const content of contents) this.put(content);
  }

  put(content: DefinitionContent): void {
    let keys = this.byKind.get(content.kind);
    if (!keys) this.byKind.set(content.kind, (keys = new Map()));
    keys.set(content.key, content);
    if (content.kind === 'dictionary') this.dictionaries.delete(content.key);
  }

  get(kind: DefinitionKind, key: string): DefinitionContent | undefined {
    return this.byKind.get(kind)?.get(key);
  }

  all(kind: DefinitionKind): DefinitionContent[] {
    return [...(this.byKind.get(kind)?.values() ?? [])];
  }

  entityAjv(): Ajv2020 {
    this.ajv ??= createEntityAjv(this);
    return this.ajv;
  }

  dictionary(key: string): Dictionary | undefined {
    const cached = this.dictionaries.get(key);
    if (cached) return cached;
    const content = this.get('dictionary', key) as DictionaryContent | undefined;
    if (!content || !Array.isArray(content.items)) return undefined;
    const dictionary = buildDictionary(content, 0);
    this.dictionaries.set(key, dictionary);
    return dictionary;
  }
}
