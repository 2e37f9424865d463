import type { Ajv2020 } from 'ajv/dist/2020.js';
import { buildDictionary, createEntityAjv, EntitySchema, type Dictionary, type DictionaryLookup } from '../schema/index.js';
import type { DefinitionRepository } from './DefinitionRepository.js';
import { CompiledRuleset, type RulesetContent } from '../rules/index.js';
import type { DefinitionKind, DictionaryContent, EntityContent, StoredDefinition } from './types.js';

export interface EntityVersion {
  definition: StoredDefinition<EntityContent>;
  schema: EntitySchema;
}

const id = (kind: string, key: string) => `${kind}:${key}`;

/**
 * The published definitions in force, held in memory, with each entity version's schema compiled
 * once. `refresh()` after anything is published. Earlier versions: `DefinitionRepository.byVersion`.
 */
export class DefinitionRegistry implements DictionaryLookup {
  private inForce = new Map<string, StoredDefinition>();
  /** Versions published when last refreshed: another engine's publication shows as a higher count. */
  private published = 0;
  private readonly dictionaries = new Map<string, Dictionary>();
  private readonly entities = new Map<string, EntityVersion>();
  private readonly rulesets = new Map<string, CompiledRuleset>();
  private readonly ajv: Ajv2020 = createEntityAjv(this);

  constructor(private readonly repository: DefinitionRepository) {}

  async refresh(): Promise<void> {
    this.published = await this.repository.publishedCount();
    const rows = await this.repository.inForce();
    this.inForce = new Map(rows.map((row) => [id(row.kind, row.key), row]));
    this.dictionaries.clear();
  }

  /** Refreshes when another engine on the same database published something since (several instances, R-13). */
  async refreshIfChanged(): Promise<boolean> {
    if (await this.repository.publishedCount() === this.published) return false;
    await this.refresh();
    return true;
  }

  get(kind: DefinitionKind, key: string): StoredDefinition | undefined {
    return this.inForce.get(id(kind, key));
  }

  list(kind: DefinitionKind): StoredDefinition[] {
    return [...this.inForce.values()].filter((d) => d.kind === kind).sort((a, b) => a.key.localeCompare(b.key));
  }

  dictionary(key: string): Dictionary | undefined {
    const cached = this.dictionaries.get(key);
    if (cached) return cached;
    const stored = this.get('dictionary', key) as StoredDefinition<DictionaryContent> | undefined;
    if (!stored) return undefined;
    const dictionary = buildDictionary(stored.content, stored.version);
    this.dictionaries.set(key, dictionary);
    return dictionary;
  }

  /** The entity version in force. */
  entity(key: string): EntityVersion | undefined {
    const stored = this.get('entity', key) as StoredDefinition<EntityContent> | undefined;
    return stored ? this.compiled(stored) : undefined;
  }

  /**
   * The rule sets in force that govern a record: those of its entity whose exam year (if they
   * name one) is the record's. Each published version is compiled once and cached.
   */
  rulesetsFor(entityKey: string, data: Record<string, unknown>): CompiledRuleset[] {
    const entity = this.entity(entityKey);
    if (!entity) return [];
    return this.list('ruleset').filter((d) => {
      const { appliesTo } = d.content as unknown as RulesetContent;
      return appliesTo.entity === entityKey && (appliesTo.examYear === undefined || appliesTo.examYear === data.examYear);
    }).map((d) => {
      const cacheKey = `${d.key}@${d.version}`;
      let compiled = this.rulesets.get(cacheKey);
      if (!compiled) {
        compiled = new CompiledRuleset(d.content as unknown as RulesetContent, entity.schema.fields.map((f) => f.name));
        this.rulesets.set(cacheKey, compiled);
      }
      return compiled;
    });
  }

  private compiled(stored: StoredDefinition<EntityContent>): EntityVersion {
    const cacheKey = `${stored.key}@${stored.version}`;
    let entry = this.entities.get(cacheKey);
    if (!entry) {
      entry = { definition: stored, schema: new EntitySchema(stored.content.schema, this.ajv, this, stored.content.uiSchema) };
      this.entities.set(cacheKey, entry);
    }
    return entry;
  }
}
