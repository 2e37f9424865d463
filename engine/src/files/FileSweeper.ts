import type { Clock } from '../clock/index.js';
import type { FileSweepConfig } from '../config/index.js';
import type { Database } from '../db/index.js';
import { PeriodicTask } from '../jobs/index.js';
import type { Logger } from '../log/index.js';
import type { FileStorage, StoredObject } from './FileStorage.js';

/** What one sweep removed. */
export interface SweepReport {
  /** Uploads never attached to anything, older than the grace period: row, then bytes. */
  unattached: number;
  /** Stored bytes without a `files` row (a crash between the write and the row, or between the two deletes). */
  stray: number;
  /** Temporary files of interrupted writes. */
  leftovers: number;
}

export interface FileSweeperDeps { db: Database; storage: FileStorage; clock: Clock; logger: Logger; config: FileSweepConfig }

const BATCH = 500;
const MINUTE = 60_000;

/**
 * The reconciliation between the `files` table and the storage. An upload writes the bytes, then
 * commits the row; a record or application save marks the row attached (attach.ts) in its own
 * transaction. So after a crash at any point a row always has its bytes, and what can be left over
 * is removed here: rows never attached (after `unattachedHours`: the user may still be filling in
 * the form), then bytes without a row (after `strayMinutes`: an upload in flight has bytes but not
 * yet its row). A row is deleted before its bytes, and only while still unattached, so an attach
 * that wins the race keeps the file; attached files are never removed (a replaced attachment stays
 * with the record's history). One engine at a time sweeps a shared database.
 */
export class FileSweeper {
  private readonly task: PeriodicTask<SweepReport>;

  constructor(private readonly deps: FileSweeperDeps) {
    this.task = new PeriodicTask({ db: deps.db, name: 'engine:file-sweep', intervalMinutes: deps.config.intervalMinutes,
      logger: deps.logger, failure: 'file sweep failed', work: () => this.sweepOnce() });
  }

  /** Sweeps every `intervalMinutes` (the first after one interval); failures are logged and retried next time. */
  start(): void { this.task.start(); }

  /** Stops the timer and waits for a sweep under way. */
  stop(): Promise<void> { return this.task.stop(); }

  /** One sweep now (at the clock's time); undefined when another engine is sweeping. Overlapping calls share one run. */
  sweep(): Promise<SweepReport | undefined> { return this.task.run(); }

  private async sweepOnce(): Promise<SweepReport> {
    const now = this.deps.clock.now().getTime();
    const report: SweepReport = {
      unattached: await this.removeUnattached(new Date(now - this.deps.config.unattachedHours * 60 * MINUTE)),
      stray: await this.removeStray(new Date(now - this.deps.config.strayMinutes * MINUTE)),
      leftovers: await this.deps.storage.removeLeftovers(new Date(now - this.deps.config.strayMinutes * MINUTE)),
    };
    this.deps.logger.info({ fileSweep: report }, 'file sweep done');
    return report;
  }

  /** Each row deleted on its own (only if still unattached), and its bytes after that commit. */
  private async removeUnattached(before: Date): Promise<number> {
    const { knex } = this.deps.db;
    let removed = 0;
    for (;;) {
      const rows = await knex('files').where('attached', false).where('created_at', '<', before.toISOString())
        .orderBy('created_at').limit(BATCH).select('id', 'storage_key') as Array<{ id: string; storage_key: string }>;
      for (const row of rows) {
        if (await knex('files').where({ id: row.id, attached: false }).delete() !== 1) continue;
        removed += 1;
        await this.deps.storage.delete(row.storage_key);
      }
      if (rows.length < BATCH) return removed;
    }
  }

  /** Stored objects older than `before` whose key no row names. */
  private async removeStray(before: Date): Promise<number> {
    let removed = 0;
    let batch: StoredObject[] = [];
    const flush = async () => {
      const keys = batch.map((object) => object.key);
      batch = [];
      const known = new Set((await this.deps.db.knex('files').whereIn('storage_key', keys).pluck('storage_key')) as string[]);
      for (const key of keys.filter((k) => !known.has(k))) {
        await this.deps.storage.delete(key);
        removed += 1;
      }
    };
    for await (const object of this.deps.storage.list()) {
      if (object.modifiedAt >= before) continue;
      batch.push(object);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    return removed;
  }
}
