import type { Actor } from '../../access/index.js';
import type { Database } from '../../db/index.js';
import type { AuditEntry } from '../../audit/index.js';
import type { JobCounts } from '../../jobs/index.js';
import type { RecordRow } from '../types.js';

export interface KeyRow { name: string; value: string }
export interface RefLink { field: string; targetId: string }
export interface Referrer { sourceEntity: string; field: string; count: number }

/**
 * The writes of one transaction on records and their key, reference and audit rows. Two
 * implementations: knex (any database) and prepared statements on SQLite's own connection, because
 * knex's per-statement overhead is several times the cost of the write itself.
 */
export interface RecordWriter {
  findById(id: string): Promise<RecordRow | undefined>;
  insert(row: RecordRow, at: string, by: string): Promise<void>;
  /** Optimistic update: false when the stored version is no longer `expected`. */
  update(row: RecordRow, expected: number, at: string, by: string): Promise<boolean>;
  delete(id: string): Promise<void>;
  findKeyHolder(row: Pick<RecordRow, 'entity' | 'orgId'>, key: KeyRow): Promise<RecordRow | undefined>;
  /** Sets the record's keys; `fresh` says the record has none yet (a create). */
  setKeys(row: Pick<RecordRow, 'id' | 'entity' | 'orgId'>, keys: KeyRow[], fresh: boolean): Promise<void>;
  setRefs(row: Pick<RecordRow, 'id' | 'entity'>, refs: RefLink[], fresh: boolean): Promise<void>;
  referrers(targetId: string): Promise<Referrer[]>;
  /**
   * The records of an entity in one organisation whose top-level `field` equals `value` (a rule
   * group). `byReference`: the field is an `x-ref`, so its indexed `record_refs` rows find the
   * members (a person's filings) instead of a scan of the organisation's records of the entity.
   */
  findGroup(entity: string, orgId: string, field: string, value: string | number, byReference?: boolean): Promise<RecordRow[]>;
  audit(actor: Actor | undefined, entry: AuditEntry, at: string): Promise<void>;
  /** The locks held on any of these records (`record_locks`). */
  locksOf(recordIds: readonly string[]): Promise<Array<{ recordId: string; code: string; message: string }>>;
  /** Whether the organisation has any record of the entity. */
  hasRecords(entity: string, orgId: string): Promise<boolean>;
  /** An uploaded file's owner and real media type (attachments a record points at), marked attached in this transaction. */
  findFile(id: string): Promise<{ orgId: string; mediaType: string } | undefined>;
  /**
   * Stores a running job's progress in this transaction, so a chunk of imported records and the
   * progress that counts them commit together (a killed job resumes after its last chunk, with no
   * row twice). Counts are absolute; a null checkpoint keeps the stored one. Throws when the job is
   * no longer running (ended or interrupted meanwhile), which rolls the transaction back.
   */
  jobProgress(jobId: string, counts: Partial<JobCounts>, checkpoint: Record<string, unknown> | null, at: string): Promise<void>;
}

/** A progress write that changed no row: the job is not running any more. */
export const jobNotRunning = (jobId: string) => new Error(`Job ${jobId} is not running: its progress was not stored`);

/** Runs work in one write transaction: all of it is stored, or none. */
export interface RecordStore {
  write<T>(work: (writer: RecordWriter) => Promise<T>): Promise<T>;
}

interface RawRecord { id: string; entity: string; org_id: string; def_version: number; version: number; data: unknown }

/** What reading and writing `records` rows needs of the database: its JSON parsing, and how data is stored (sensitive fields). */
export type RecordDb = Pick<Database, 'dialect' | 'recordData'>;

/** A stored row as code above the store sees it: sensitive values decrypted. */
export function toRecordRow(raw: RawRecord, db: RecordDb): RecordRow {
  return { id: raw.id, entity: raw.entity, orgId: raw.org_id, defVersion: raw.def_version, version: raw.version,
    data: db.recordData.open(raw.entity, db.dialect.parseJson(raw.data) as Record<string, unknown>) };
}

/** The `data` column's value of a row to write: sensitive values encrypted, with their blind indexes. */
export const storedData = (db: RecordDb, row: Pick<RecordRow, 'entity' | 'data'>): string =>
  JSON.stringify(db.recordData.seal(row.entity, row.data));

export type { RawRecord };

export interface RawLock { record_id: string; code: string; message: string }
export const toLock = (raw: RawLock) => ({ recordId: raw.record_id, code: raw.code, message: raw.message });
