import type { Knex } from 'knex';
import type { AccessPolicy, Actor } from '../access/index.js';
import type { CompletenessView, MissingRequirement } from '../contract/index.js';
import type { Database } from '../db/index.js';
import type { CompletenessRequirement, DefinitionRegistry, EntityContent } from '../definitions/index.js';
import { BadRequestError, NotFoundError } from '../errors/index.js';
import { applyReadScope } from '../records/scope.js';

type Data = Record<string, unknown>;
const MAX_IDS = 100;
const hasValue = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * What each record still lacks for the purpose its entity declares (`completeness`, e.g. 预报名):
 * its own empty fields, missing related records, related records missing fields (scans).
 */
export class CompletenessService {
  constructor(private readonly deps: { db: Database; registry: DefinitionRegistry; access: AccessPolicy }) {}

  async check(actor: Actor, entityKey: string, rawIds: unknown): Promise<CompletenessView[]> {
    const entity = this.deps.registry.entity(entityKey);
    const declaration = (entity?.definition.content as EntityContent | undefined)?.completeness;
    if (!entity || !declaration) throw new NotFoundError(`「${entityKey}」没有声明资料完整性要求。`);
    this.deps.access.requireRead(actor, entityKey);
    const ids = typeof rawIds === 'string' ? [...new Set(rawIds.split(',').filter(Boolean))] : [];
    if (ids.length === 0 || ids.length > MAX_IDS) throw new BadRequestError(`参数 ids 应为 1 至 ${MAX_IDS} 个以逗号分隔的记录编号。`, 'BAD_QUERY');
    const { reader, dialect } = this.deps.db;
    const rows = await applyReadScope(reader('records').where('records.entity', entityKey).whereIn('records.id', ids), actor)
      .select('records.id', 'records.data') as Array<{ id: string; data: unknown }>;
    const records = new Map(rows.map((r) => [r.id, dialect.parseJson(r.data) as Data]));
    const related = await this.relatedRecords(reader, actor, declaration.requirements, [...records.keys()]);
    return [...records].map(([id, data]) => {
      const applicable = declaration.requirements.filter((q) => Object.entries(q.when ?? {}).every(([f, v]) => data[f] === v));
      const missing = applicable.flatMap((q) => this.missing(entity.schema.fields, q, data, related.get(q.code)?.get(id) ?? []));
      return { id, complete: missing.length === 0, met: applicable.length - missing.length, total: applicable.length, missing };
    });
  }

  /** Per related requirement: the related records of each asked record, read in one query. */
  private async relatedRecords(reader: Knex, actor: Actor, requirements: CompletenessRequirement[], ids: string[]) {
    const byRequirement = new Map<string, Map<string, Data[]>>();
    for (const { code, related } of requirements) {
      if (!related || ids.length === 0) continue;
      const via = this.deps.db.dialect.jsonText('records.data', related.via);
      const rows = await applyReadScope(reader('records').where('records.entity', related.entity)
        .whereIn(reader.raw(via) as unknown as string, ids), actor).select('records.data') as Array<{ data: unknown }>;
      const grouped = new Map<string, Data[]>();
      for (const row of rows) {
        const data = this.deps.db.dialect.parseJson(row.data) as Data;
        const owner = String(data[related.via]);
        grouped.set(owner, [...(grouped.get(owner) ?? []), data]);
      }
      byRequirement.set(code, grouped);
    }
    return byRequirement;
  }

  private missing(fields: Array<{ name: string; title: string }>, requirement: CompletenessRequirement, data: Data,
    related: Data[]): MissingRequirement[] {
    const { code, title } = requirement;
    const titleOf = (list: Array<{ name: string; title: string }>, name: string) => list.find((f) => f.name === name)?.title ?? name;
    if (requirement.fields) {
      const empty = requirement.fields.filter((f) => !hasValue(data[f]));
      return empty.length ? [{ code, title, message: `「${title}」缺少：${empty.map((f) => titleOf(fields, f)).join('、')}` }] : [];
    }
    const rule = requirement.related!;
    const min = rule.min ?? 1;
    if (related.length < min) {
      return [{ code, title, message: `尚未填写「${title}」${min > 1 ? `（至少 ${min} 条，已有 ${related.length} 条）` : ''}` }];
    }
    const relatedFields = this.deps.registry.entity(rule.entity)?.schema.fields ?? [];
    const lacking = related.filter((r) => (rule.fields ?? []).some((f) => !hasValue(r[f])));
    if (lacking.length === 0) return [];
    const names = (rule.fields ?? []).map((f) => titleOf(relatedFields, f)).join('、');
    return [{ code, title, message: `有 ${lacking.length} 条「${title}」缺少：${names}` }];
  }
}
