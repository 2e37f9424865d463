import type BetterSqlite from 'better-sqlite3';
import { auditRow } from '../../audit/index.js';
import { ATTACH_FILE_SQL } from '../../files/index.js';
import { jobNotRunning, storedData, toLock, toRecordRow, type RawLock, type RawRecord, type RecordDb, type RecordWriter } from './RecordWriter.js';

const fileOf = (raw: unknown) => {
  const file = raw as { org_id: string; media_type: string } | undefined;
  return file ? { orgId: file.org_id, mediaType: file.media_type } : undefined;
};

// The connection's `prepare` is cached by SQL text (see CachingBetterSqlite3Client), so each is prepared once.
const SQL = {
  groupByRef: `SELECT * FROM records WHERE entity = ? AND org_id = ? AND id IN
    (SELECT source_id FROM record_refs WHERE target_id = ? AND source_entity = ? AND field = ?)`,
  byId: 'SELECT * FROM records WHERE id = ?',
  insert: `INSERT INTO records (id, entity, org_id, def_version, data, version, created_at, created_by, updated_at, updated_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  update: 'UPDATE records SET data = ?, def_version = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?',
  delete: 'DELETE FROM records WHERE id = ?',
  keyHolder: `SELECT records.* FROM record_keys JOIN records ON records.id = record_keys.record_id
    WHERE record_keys.entity = ? AND record_keys.org_id = ? AND record_keys.name = ? AND record_keys.value = ?`,
  deleteKeys: 'DELETE FROM record_keys WHERE record_id = ?',
  insertKey: 'INSERT INTO record_keys (entity, org_id, name, value, record_id) VALUES (?, ?, ?, ?, ?)',
  deleteRefs: 'DELETE FROM record_refs WHERE source_id = ?',
  insertRef: 'INSERT INTO record_refs (source_id, field, target_id, source_entity) VALUES (?, ?, ?, ?)',
  referrers: 'SELECT source_entity, field, count(*) AS count FROM record_refs WHERE target_id = ? GROUP BY source_entity, field',
  anyRecord: 'SELECT 1 FROM records WHERE entity = ? AND org_id = ? LIMIT 1',
  file: 'SELECT org_id, media_type FROM files WHERE id = ?',
  // One statement text for any number of ids (a JSON array), so it is prepared once.
  locks: 'SELECT record_id, code, message FROM record_locks WHERE record_id IN (SELECT value FROM json_each(?))',
  audit: `INSERT INTO audit_events (at, account_id, org_id, action, entity, record_id, ip, request_id, details)
    VALUES (@at, @account_id, @org_id, @action, @entity, @record_id, @ip, @request_id, @details)`,
  // One statement for any subset of counts: a missing one binds NULL and keeps the stored value.
  jobProgress: `UPDATE jobs SET total = COALESCE(?, total), processed = COALESCE(?, processed), imported = COALESCE(?, imported),
    failed = COALESCE(?, failed), checkpoint = COALESCE(?, checkpoint), updated_at = ? WHERE id = ? AND status = 'running'`,
};

/** The record writes as prepared statements on a better-sqlite3 connection inside an open transaction. */
export function sqliteWriter(c: BetterSqlite.Database, db: RecordDb): RecordWriter {
  const row = (raw: unknown) => (raw ? toRecordRow(raw as RawRecord, db) : undefined);
  return {
    findById: async (id) => row(c.prepare(SQL.byId).get(id)),
    insert: async (r, at, by) => {
      c.prepare(SQL.insert).run(r.id, r.entity, r.orgId, r.defVersion, storedData(db, r), r.version, at, by, at, by);
    },
    update: async (r, expected, at, by) =>
      c.prepare(SQL.update).run(storedData(db, r), r.defVersion, expected + 1, at, by, r.id, expected).changes === 1,
    delete: async (id) => { c.prepare(SQL.delete).run(id); },
    findKeyHolder: async (r, key) => row(c.prepare(SQL.keyHolder).get(r.entity, r.orgId, key.name, key.value)),
    setKeys: async (r, keys, fresh) => {
      if (!fresh) c.prepare(SQL.deleteKeys).run(r.id);
      for (const k of keys) c.prepare(SQL.insertKey).run(r.entity, r.orgId, k.name, k.value, r.id);
    },
    setRefs: async (r, refs, fresh) => {
      if (!fresh) c.prepare(SQL.deleteRefs).run(r.id);
      for (const l of refs) c.prepare(SQL.insertRef).run(r.id, l.field, l.targetId, r.entity);
    },
    referrers: async (targetId) => (c.prepare(SQL.referrers).all(targetId) as Array<{ source_entity: string; field: string; count: number }>)
      .map((r) => ({ sourceEntity: r.source_entity, field: r.field, count: Number(r.count) })),
    audit: async (actor, entry, at) => { c.prepare(SQL.audit).run(auditRow(actor, entry, at)); },
    hasRecords: async (entity, orgId) => c.prepare(SQL.anyRecord).get(entity, orgId) !== undefined,
    findFile: async (id) => {
      c.prepare(ATTACH_FILE_SQL).run(id); // the reference commits with the mark (files/attach.ts)
      return fileOf(c.prepare(SQL.file).get(id));
    },
    locksOf: async (ids) => (ids.length === 0 ? [] : (c.prepare(SQL.locks).all(JSON.stringify(ids)) as RawLock[]).map(toLock)),
    jobProgress: async (jobId, counts, checkpoint, at) => {
      const { changes } = c.prepare(SQL.jobProgress).run(counts.total ?? null, counts.processed ?? null, counts.imported ?? null,
        counts.failed ?? null, checkpoint ? JSON.stringify(checkpoint) : null, at, jobId);
      if (changes !== 1) throw jobNotRunning(jobId);
    },
    // `field` is an identifier checked by the definition's meta-schema, never user input.
    findGroup: async (entity, orgId, field, value, byReference) => (byReference
      ? c.prepare(SQL.groupByRef).all(entity, orgId, String(value), entity, field) as unknown[]
      : c.prepare(`SELECT * FROM records WHERE entity = ? AND org_id = ?
      AND json_extract(data, '$.${field}') = ?`).all(entity, orgId, value) as unknown[]).map((raw) => row(raw)!),
  };
}
