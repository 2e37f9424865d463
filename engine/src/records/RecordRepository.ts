import type { Knex } from 'knex';
import type { Actor } from '../access/index.js';
import type { Dialect } from '../db/index.js';
import type { EntitySchema } from '../schema/index.js';
import { likePattern, type ListQuery } from './listQuery.js';
import { applyReadScope } from './scope.js';
import { toRecordRow, type RawRecord } from './store/RecordWriter.js';
import type { RecordRow } from './types.js';

type Db = Knex | Knex.Transaction;
type RawRow = RawRecord;

/** Reads of the records table (lists and single records), always inside the reader's org scope. Writes: store/. */
export class RecordRepository {
  constructor(private readonly knex: Knex, private readonly dialect: Dialect) {}

  private toRow = (raw: RawRow): RecordRow => toRecordRow(raw, this.dialect.parseJson);

  private visible(db: Db, actor: Actor, entity: string, query: ListQuery | undefined, schema: EntitySchema | undefined) {
    const builder = applyReadScope(db('records').where('records.entity', entity), actor);
    for (const [field, value] of Object.entries(query?.filters ?? {})) {
      if (value === null) {
        void builder.whereRaw(`${this.dialect.jsonText('records.data', field)} IS NULL`);
        continue;
      }
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
}
