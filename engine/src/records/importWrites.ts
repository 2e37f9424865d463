import type { Actor } from '../access/index.js';
import type { DefinitionRegistry, EntityVersion } from '../definitions/index.js';
import { ConflictError, RecordLockedError, type ErrorItem } from '../errors/index.js';
import { auditedData, diffData } from './changes.js';
import { assertKeysFree, keysOf, type KeyCodec } from './keys.js';
import { assertUnlocked } from './locks.js';
import { assertNotReferenced } from './refs.js';
import type { RecordStore, RecordWriter, RefLink } from './store/index.js';
import type { RecordRow } from './types.js';

/** One record of an import unit: inserted, or replacing the stored `previous` (same id). */
export interface ImportRecordPlan {
  rowNumber: number;
  row: RecordRow;
  previous?: RecordRow;
}

/** Rows written all or nothing (one row, or one person's segments), and stored records it removes. */
export interface ImportUnitPlan {
  records: ImportRecordPlan[];
  deletes: RecordRow[];
}

/** What the job stores with the writes of its units, in the same transaction. */
export interface ImportProgress {
  jobId: string;
  /** Counts and checkpoint after the units up to `index` (inclusive) of this chunk, given which failed. */
  after(index: number, failed: ReadonlyMap<number, ErrorItem[]>): { counts: Record<string, number>; checkpoint: Record<string, unknown> };
}

export interface ImportWriteDeps {
  store: RecordStore;
  registry: DefinitionRegistry;
  codec: KeyCodec;
  now(): string;
  /** Whether a database error is a unique-constraint violation (a key row taken). */
  isUniqueViolation(error: unknown): boolean;
}

/** A unit that cannot be written as things stand (a key taken, a record changed or locked meanwhile): its rows fail, the others go in. */
const unitFailure = (error: unknown): error is ConflictError | RecordLockedError =>
  error instanceof ConflictError || error instanceof RecordLockedError;

const STALE: ErrorItem = { code: 'STALE_VERSION', message: '该记录在导入期间被其他人修改，本行未导入；请刷新后核对，再重新导入。' };

/** The references a record holds (the import resolved them within the organisation beforehand). */
function linksOf(entity: EntityVersion, row: RecordRow): RefLink[] {
  return entity.schema.refs.flatMap((ref) => (typeof row.data[ref.field] === 'string'
    ? [{ field: ref.field, targetId: row.data[ref.field] as string }] : []));
}

/** The records a unit writes or deletes, for the lock check. */
const touched = (unit: ImportUnitPlan) => [
  ...unit.records.map(({ row, previous }) => ({ id: row.id, data: row.data, previous: previous?.data })),
  ...unit.deletes.map((stored) => ({ id: stored.id, data: stored.data })),
];

/** Whether any record a chunk touches is locked: one query per chunk, so units are checked one by one only then. */
async function chunkLocked(writer: RecordWriter, entity: EntityVersion, units: readonly ImportUnitPlan[]): Promise<boolean> {
  try {
    await assertUnlocked(writer, entity.schema.refs, units.flatMap(touched));
    return false;
  } catch (error) {
    if (error instanceof RecordLockedError) return true;
    throw error;
  }
}

/**
 * Writes one unit. Records it changes or removes get their own audit rows, field-level like an edit
 * (the chunk's `record.import` row counts them all). `checks.keys`: look up who holds each key
 * first, for a message naming the clash (unit by unit); a whole chunk skips those lookups and lets
 * the key table's primary key refuse a clash, and is then written again unit by unit, checked.
 */
async function writeUnit(deps: ImportWriteDeps, writer: RecordWriter, actor: Actor, entity: EntityVersion,
  unit: ImportUnitPlan, at: string, checks: { locks: boolean; keys: boolean }, jobId: string): Promise<{ created: number; updated: number; deleted: number }> {
  if (checks.locks) await assertUnlocked(writer, entity.schema.refs, touched(unit));
  for (const stored of unit.deletes) {
    await assertNotReferenced(writer, deps.registry, stored);
    await writer.delete(stored.id);
    await writer.audit(actor, { action: 'record.delete', entity: stored.entity, recordId: stored.id,
      details: { job: jobId, data: auditedData(stored.data, entity.schema.sensitiveFields) } }, at);
  }
  let created = 0;
  for (const { row, previous } of unit.records) {
    const keys = keysOf(entity.definition.content, row.data, deps.codec);
    if (checks.keys) await assertKeysFree(writer, row, keys);
    if (previous) {
      if (!(await writer.update(row, previous.version, at, actor.accountId))) throw new ConflictError([STALE]);
      const changes = diffData(previous.data, row.data, entity.schema.sensitiveFields);
      if (Object.keys(changes).length > 0) {
        await writer.audit(actor, { action: 'record.update', entity: row.entity, recordId: row.id, details: { job: jobId, changes } }, at);
      }
    } else {
      await writer.insert(row, at, actor.accountId);
      created += 1;
    }
    await writer.setKeys(row, keys, !previous);
    await writer.setRefs(row, linksOf(entity, row), !previous);
  }
  return { created, updated: unit.records.length - created, deleted: unit.deletes.length };
}

/**
 * Writes a chunk of import units in one transaction with the job's progress: all of it is stored,
 * or none. When a unit fails while writing (a key taken meanwhile, a record changed meanwhile),
 * the chunk is written again unit by unit, each with its progress, so the others still go in.
 * Returns the problems of the units that failed, by their index in the chunk.
 */
export async function writeImportChunk(deps: ImportWriteDeps, actor: Actor, entity: EntityVersion,
  units: readonly ImportUnitPlan[], progress: ImportProgress): Promise<Map<number, ErrorItem[]>> {
  const failed = new Map<number, ErrorItem[]>();
  const audit = async (writer: RecordWriter, at: string, totals: { created: number; updated: number; deleted: number }) => {
    if (totals.created + totals.updated + totals.deleted === 0) return;
    await writer.audit(actor, { action: 'record.import', entity: entity.definition.key,
      details: { job: progress.jobId, ...totals } }, at);
  };
  const sum = (a: { created: number; updated: number; deleted: number }, b: typeof a) =>
    ({ created: a.created + b.created, updated: a.updated + b.updated, deleted: a.deleted + b.deleted });
  const zero = { created: 0, updated: 0, deleted: 0 };
  const record = (writer: RecordWriter, index: number, at: string) => {
    const { counts, checkpoint } = progress.after(index, failed);
    return writer.jobProgress(progress.jobId, counts, checkpoint, at);
  };
  try {
    await deps.store.write(async (writer) => {
      const at = deps.now();
      let totals = zero;
      const locked = await chunkLocked(writer, entity, units);
      for (const unit of units) totals = sum(totals, await writeUnit(deps, writer, actor, entity, unit, at, { locks: locked, keys: false }, progress.jobId));
      await audit(writer, at, totals);
      await record(writer, units.length - 1, at);
    });
    return failed;
  } catch (error) {
    if (!unitFailure(error) && !deps.isUniqueViolation(error)) throw error;
  }
  // Unit by unit, each with the progress up to it in the same transaction (a crash repeats nothing).
  for (const [index, unit] of units.entries()) {
    try {
      await deps.store.write(async (writer) => {
        const at = deps.now();
        await audit(writer, at, await writeUnit(deps, writer, actor, entity, unit, at, { locks: true, keys: true }, progress.jobId));
        await record(writer, index, at);
      });
    } catch (error) {
      if (!unitFailure(error)) throw error;
      failed.set(index, error.items);
      await deps.store.write((writer) => record(writer, index, deps.now()));
    }
  }
  return failed;
}
