import type { Knex } from 'knex';
import type { Actor } from '../access/index.js';
import type { Dialect } from '../db/index.js';
import type { EntitySchema } from '../schema/index.js';
import { likePattern, type ListQuery } from './listQuery.js';
import { applyReadScope } from './scope.js';
import type { RecordRow } from './types.js';

type Db = Knex | Knex.Transaction;

interface RawRow { id: string; entity: string; org_id: string; def_version: number; version: number; data: unknown }

/** SQL of the records table and its key and reference side tables. Knex only: this path must stay fast. */
export class RecordRepository {
  constructor(private readonly knex: Knex, private readonly dialect: Dialect) {}

  private toRow = (raw: RawRow): RecordRow => ({
    id: raw.id, entity: raw.entity, orgId: raw.org_id, defVersion: raw.def_version, version: raw.version,
    data: this.dialect.parseJson(raw.data) as Record<string, unknown>,
  });

  private visible(db: Db, actor: Actor, entity: string, query: ListQuery | undefined, schema: EntitySchema | undefined) {
    const builder = applyReadScope(db('records').where('records.entity', entity), actor);
    for (const [field, value] of Object.entries(query?.filters ?? {})) {
      const [sql, bindings] = this.dialect.jsonEquals('records.data', field, value);
      void builder.whereRaw(sql, bindings);
    }
    if (query?.q && schema && schema.searchFields.length > 0) {
      const pattern = likePattern(query.q);
      void builder.where((w) => {
        for (const field of schema.searchFields) {
          void w.orWhereRaw(`${this.dialect.jsonText('records.data', field)} ${this.dialect.likeOperator} ? ESCAPE '\\'`, [pattern]);
        }
      });
    }
    return builder;
  }

  async list(actor: Actor, entity: string, query: ListQuery, schema: EntitySchema): Promise<{ rows: RecordRow[]; total: number }> {
    const counted = await this.visible(this.knex, actor, entity, query, schema).count<{ total: number }[]>({ total: '*' });
    const rows = await this.visible(this.knex, actor, entity, query, schema).select('records.*').orderBy('records.id')
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize) as RawRow[];
    return { rows: rows.map(this.toRow), total: Number(counted[0]?.total ?? 0) };
  }

  async findVisible(actor: Actor, entity: string, id: string): Promise<RecordRow | undefined> {
    const raw = await this.visible(this.knex, actor, entity, undefined, undefined).where('records.id', id).first() as RawRow | undefined;
    return raw ? this.toRow(raw) : undefined;
  }

  async findById(db: Db, id: string): Promise<RecordRow | undefined> {
    const raw = await db('records').where('id', id).first() as RawRow | undefined;
    return raw ? this.toRow(raw) : undefined;
  }

  async insert(db: Db, row: RecordRow, at: string, by: string): Promise<void> {
    await db('records').insert({
      id: row.id, entity: row.entity, org_id: row.orgId, def_version: row.defVersion, data: JSON.stringify(row.data),
      version: row.version, created_at: at, created_by: by, updated_at: at, updated_by: by,
    });
  }

  /** Optimistic update: only if the stored row version is still `expected`. */
  async update(db: Db, id: string, expected: number, data: Record<string, unknown>, defVersion: number,
    at: string, by: string): Promise<boolean> {
    const changed = await db('records').where({ id, version: expected })
      .update({ data: JSON.stringify(data), def_version: defVersion, version: expected + 1, updated_at: at, updated_by: by });
    return changed === 1;
  }

  async delete(db: Db, id: string): Promise<void> {
    await db('records').where('id', id).delete();
  }

  async replaceKeys(db: Db, row: Pick<RecordRow, 'id' | 'entity' | 'orgId'>, keys: Array<{ name: string; value: string }>) {
    await db('record_keys').where('record_id', row.id).delete();
    if (keys.length === 0) return;
    await db('record_keys').insert(keys.map((k) => ({ entity: row.entity, org_id: row.orgId, name: k.name, value: k.value, record_id: row.id })));
  }

  async findKeyHolder(db: Db, key: { entity: string; orgId: string; name: string; value: string }): Promise<RecordRow | undefined> {
    const raw = await db('record_keys').join('records', 'records.id', 'record_keys.record_id')
      .where({ 'record_keys.entity': key.entity, 'record_keys.org_id': key.orgId, 'record_keys.name': key.name, 'record_keys.value': key.value })
      .select('records.*').first() as RawRow | undefined;
    return raw ? this.toRow(raw) : undefined;
  }

  async replaceRefs(db: Db, source: Pick<RecordRow, 'id' | 'entity'>, refs: Array<{ field: string; targetId: string }>) {
    await db('record_refs').where('source_id', source.id).delete();
    if (refs.length === 0) return;
    await db('record_refs').insert(refs.map((r) => ({ source_id: source.id, field: r.field, target_id: r.targetId, source_entity: source.entity })));
  }

  async referrers(db: Db, targetId: string): Promise<Array<{ sourceEntity: string; field: string; count: number }>> {
    const rows = await db('record_refs').where('target_id', targetId).groupBy('source_entity', 'field')
      .select('source_entity', 'field').count<Array<{ source_entity: string; field: string; count: number }>>({ count: '*' });
    return rows.map((r) => ({ sourceEntity: r.source_entity, field: r.field, count: Number(r.count) }));
  }
}
