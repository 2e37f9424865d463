import type { Knex } from 'knex';
import { auditRow } from '../../audit/index.js';
import type { Database } from '../../db/index.js';
import { attachFile } from '../../files/index.js';
import { jobProgressColumns } from '../../jobs/index.js';
import { jobNotRunning, storedData, toLock, toRecordRow, type RawLock, type RawRecord, type RecordDb, type RecordStore,
  type RecordWriter } from './RecordWriter.js';

/** The record writes of a transaction someone else opened (e.g. a workflow step), through knex. */
export function knexWriter(trx: Knex.Transaction, db: RecordDb): RecordWriter {
  const { dialect } = db;
  const row = (raw: RawRecord | undefined) => (raw ? toRecordRow(raw, db) : undefined);
  return {
    findById: async (id) => row(await trx('records').where('id', id).first()),
    insert: async (r, at, by) => {
      await trx('records').insert({ id: r.id, entity: r.entity, org_id: r.orgId, def_version: r.defVersion,
        data: storedData(db, r), version: r.version, created_at: at, created_by: by, updated_at: at, updated_by: by });
    },
    update: async (r, expected, at, by) => 1 === await trx('records').where({ id: r.id, version: expected })
      .update({ data: storedData(db, r), def_version: r.defVersion, version: expected + 1, updated_at: at, updated_by: by }),
    delete: async (id) => { await trx('records').where('id', id).delete(); },
    findKeyHolder: async (r, key) => row(await trx('record_keys').join('records', 'records.id', 'record_keys.record_id')
      .where({ 'record_keys.entity': r.entity, 'record_keys.org_id': r.orgId, 'record_keys.name': key.name, 'record_keys.value': key.value })
      .select('records.*').first()),
    setKeys: async (r, keys, fresh) => {
      if (!fresh) await trx('record_keys').where('record_id', r.id).delete();
      if (keys.length > 0) await trx('record_keys').insert(keys.map((k) => ({ entity: r.entity, org_id: r.orgId, name: k.name, value: k.value, record_id: r.id })));
    },
    setRefs: async (r, refs, fresh) => {
      if (!fresh) await trx('record_refs').where('source_id', r.id).delete();
      if (refs.length > 0) await trx('record_refs').insert(refs.map((l) => ({ source_id: r.id, field: l.field, target_id: l.targetId, source_entity: r.entity })));
    },
    referrers: async (targetId) => {
      const rows = await trx('record_refs').where('target_id', targetId).groupBy('source_entity', 'field')
        .select('source_entity', 'field').count<Array<{ source_entity: string; field: string; count: number }>>({ count: '*' });
      return rows.map((r) => ({ sourceEntity: r.source_entity, field: r.field, count: Number(r.count) }));
    },
    audit: async (actor, entry, at) => { await trx('audit_events').insert(auditRow(actor, entry, at)); },
    hasRecords: async (entity, orgId) => (await trx('records').where({ entity, org_id: orgId }).first('id')) !== undefined,
    findFile: (id) => attachFile(trx, id),
    locksOf: async (ids) => (ids.length === 0 ? []
      : (await trx('record_locks').whereIn('record_id', [...ids]).select('record_id', 'code', 'message') as RawLock[]).map(toLock)),
    jobProgress: async (jobId, counts, checkpoint, at) => {
      const changed = await trx('jobs').where({ id: jobId, status: 'running' }).update(jobProgressColumns(counts, checkpoint, at));
      if (changed !== 1) throw jobNotRunning(jobId);
    },
    findGroup: async (entity, orgId, field, value, byReference) => {
      const query = trx('records').where({ entity, org_id: orgId });
      if (byReference) {
        // Two index lookups, in this order: as one `id IN (subquery)` the planner may scan the organisation's records instead.
        const members = await trx('record_refs').where({ target_id: String(value), source_entity: entity, field }).pluck('source_id') as string[];
        if (members.length === 0) return [];
        void query.whereIn('id', members);
      } else {
        const [sql, bindings] = dialect.jsonEquals('data', field, value);
        void query.whereRaw(sql, bindings);
      }
      return (await query as RawRecord[]).map((raw) => row(raw)!);
    },
  };
}

/** Record writes through knex: the portable implementation (PostgreSQL). */
export const knexRecordStore = (db: Database): RecordStore => ({
  write: (work) => db.knex.transaction((trx) => work(knexWriter(trx, db))),
});
