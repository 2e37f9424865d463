import type { Knex } from 'knex';
import type { Actor } from '../access/index.js';
import type { EntitySchema } from '../schema/index.js';
import { likePattern, type ListQuery } from './listQuery.js';
import { applyReadScope } from './scope.js';
import { searchProperty } from './sensitive/SensitiveRecordData.js';
import { toRecordRow, type RawRecord, type RecordDb } from './store/RecordWriter.js';
import type { RecordRow } from './types.js';

type Db = Knex | Knex.Transaction;
type RawRow = RawRecord;
type Builder = Knex.QueryBuilder;

/** Reads of the records table (lists and single records), always inside the reader's org scope. Writes: store/. */
export class RecordRepository {
  constructor(private readonly knex: Knex, private readonly db: RecordDb) {}

  private toRow = (raw: RawRow): RecordRow => toRecordRow(raw, this.db);

  /**
   * A field equal to a value. A sensitive field compares its blind index (stored beside the
   * ciphertext) with the value's, normalised as the schema stores it: exact matches only.
   */
  private whereEquals(builder: Builder, entity: string, schema: EntitySchema | undefined, field: string, value: string | number,
    or = false): void {
    const { dialect, recordData } = this.db;
    const normalized = schema?.sensitiveFields.includes(field) ? schema.normalize({ [field]: value })[field] ?? value : value;
    const hashed = recordData.searchValue(entity, field, normalized);
    const [sql, bindings] = hashed === undefined ? dialect.jsonEquals('records.data', field, value)
      : dialect.jsonEquals('records.data', searchProperty(field), hashed);
    void (or ? builder.orWhereRaw(sql, bindings) : builder.whereRaw(sql, bindings));
  }

  private visible(db: Db, actor: Actor, entity: string, query: ListQuery | undefined, schema: EntitySchema | undefined) {
    const { dialect } = this.db;
    const builder = applyReadScope(db('records').where('records.entity', entity), actor);
    for (const [field, value] of Object.entries(query?.filters ?? {})) {
      if (value === null) void builder.whereRaw(`${dialect.jsonText('records.data', field)} IS NULL`);
      else this.whereEquals(builder, entity, schema, field, value);
    }
    if (query?.q && schema && schema.searchFields.length > 0) {
      const pattern = likePattern(query.q);
      void builder.where((w) => {
        for (const field of schema.searchFields) {
          // A sensitive field is found by its whole value only (a part of an ID number matches nothing).
          if (schema.sensitiveFields.includes(field)) this.whereEquals(w, entity, schema, field, query.q!, true);
          else void w.orWhereRaw(`${dialect.jsonText('records.data', field)} ${dialect.likeOperator} ? ESCAPE '\\'`, [pattern]);
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
