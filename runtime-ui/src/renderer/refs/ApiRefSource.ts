import type { RefAnnotation, RecordItem, RuntimeApi } from '../../api';
import type { DictionarySource, RefOption, RefSource } from './RendererServices';

const PRELOAD_SIZE = 100;
const SEARCH_SIZE = 50;

/**
 * RefSource and DictionarySource over the engine's API, caching per instance: each referenced
 * entity's definition (for its titleField) once, its first 100 records once, other ids one by one.
 */
export class ApiRefSource implements RefSource, DictionarySource {
  private readonly titleFields = new Map<string, Promise<string | undefined>>();
  private readonly preloads = new Map<string, Promise<void>>();
  private readonly names = new Map<string, Map<string, string>>();
  private readonly dictionaries = new Map<string, ReturnType<RuntimeApi['dictionary']>>();

  constructor(private readonly api: RuntimeApi) {}

  async search(ref: RefAnnotation, text: string): Promise<RefOption[]> {
    const page = await this.api.list(ref.entity, { q: text.trim() || undefined, pageSize: SEARCH_SIZE, filters: ref.filter });
    return this.remember(ref.entity, page.items);
  }

  async labels(entity: string, ids: readonly string[]): Promise<Map<string, string>> {
    const known = this.namesOf(entity);
    if (ids.some((id) => !known.has(id))) await this.preload(entity);
    const missing = [...new Set(ids)].filter((id) => !known.has(id));
    await Promise.all(missing.map((id) => this.api.get(entity, id)
      .then((record) => this.remember(entity, [record]), () => undefined)));
    return new Map(ids.filter((id) => known.has(id)).map((id) => [id, known.get(id)!]));
  }

  forget(entity: string): void {
    this.preloads.delete(entity);
    this.names.delete(entity);
  }

  dictionary(key: string): ReturnType<RuntimeApi['dictionary']> {
    if (!this.dictionaries.has(key)) this.dictionaries.set(key, this.api.dictionary(key));
    return this.dictionaries.get(key)!;
  }

  private preload(entity: string): Promise<void> {
    if (!this.preloads.has(entity)) {
      const loaded = this.api.list(entity, { pageSize: PRELOAD_SIZE }).then((page) => this.remember(entity, page.items));
      this.preloads.set(entity, loaded.then(() => undefined, () => undefined));
    }
    return this.preloads.get(entity)!;
  }

  private titleField(entity: string): Promise<string | undefined> {
    if (!this.titleFields.has(entity)) {
      this.titleFields.set(entity, this.api.entity(entity).then((d) => d.titleField, () => undefined));
    }
    return this.titleFields.get(entity)!;
  }

  private async remember(entity: string, records: RecordItem[]): Promise<RefOption[]> {
    const field = await this.titleField(entity);
    const names = this.namesOf(entity);
    return records.map((record) => {
      const title = field ? record.data[field] : undefined;
      const label = title === undefined || title === null || title === '' ? record.id : String(title);
      names.set(record.id, label);
      return { value: record.id, label };
    });
  }

  private namesOf(entity: string): Map<string, string> {
    if (!this.names.has(entity)) this.names.set(entity, new Map());
    return this.names.get(entity)!;
  }
}
