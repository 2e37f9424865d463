import type { Knex } from 'knex';
import { RecordLockedError, type ErrorItem } from '../errors/index.js';
import type { RefField } from '../schema/index.js';
import type { RecordWriter } from './store/index.js';

type Q = Knex | Knex.Transaction;
type Data = Record<string, unknown>;

/**
 * A record no write may change while the lock is held: the record itself, and every record that
 * refers to it (a locked person's education, probation, certificates …). `holder` names who holds
 * it (e.g. a pre-registration submission); `code` and `message` are what a refused write answers (423).
 */
export interface RecordLock {
  recordId: string;
  holder: string;
  code: string;
  message: string;
}

/** One record a write touches: its data after the write, and before it (updates, deletes). */
export interface TouchedRecord {
  id: string;
  data: Data;
  previous?: Data;
}

/** The ids a write touches: each record's own, and the records its references point at, before and after. */
function touchedIds(refs: readonly RefField[], records: readonly TouchedRecord[]): string[] {
  const ids = new Set<string>();
  for (const record of records) {
    ids.add(record.id);
    for (const data of [record.data, record.previous]) {
      for (const ref of refs) if (typeof data?.[ref.field] === 'string') ids.add(data[ref.field] as string);
    }
  }
  return [...ids];
}

/**
 * Refuses (423) a write touching a locked record, inside the write's transaction (so a lock taken
 * before the write commits is seen). Every record write path calls it: single entry, batches,
 * deletes and import chunks.
 */
export async function assertUnlocked(writer: RecordWriter, refs: readonly RefField[], records: readonly TouchedRecord[]): Promise<void> {
  const locks = await writer.locksOf(touchedIds(refs, records));
  if (locks.length === 0) return;
  const seen = new Set<string>();
  const items: ErrorItem[] = [];
  for (const lock of locks) {
    if (seen.has(lock.message)) continue;
    seen.add(lock.message);
    items.push({ code: lock.code, message: lock.message });
  }
  throw new RecordLockedError(items);
}

/** The `record_locks` table, for the features that hold locks (their writes take the caller's transaction). */
export const recordLocks = {
  async take(q: Q, locks: readonly RecordLock[], at: string): Promise<void> {
    if (locks.length === 0) return;
    await q('record_locks').insert(locks.map((l) => ({ record_id: l.recordId, holder: l.holder, code: l.code, message: l.message, created_at: at })));
  },
  /** Releases the holder's locks (of the given records only, when given). */
  async release(q: Q, holder: string, recordIds?: readonly string[]): Promise<void> {
    const query = q('record_locks').where('holder', holder);
    if (recordIds) query.whereIn('record_id', [...recordIds]);
    await query.delete();
  },
  /** Changes what a refused write says, e.g. once a reviewed candidate is accepted. */
  async restate(q: Q, holder: string, recordId: string, message: string): Promise<void> {
    await q('record_locks').where({ holder, record_id: recordId }).update({ message });
  },
};
