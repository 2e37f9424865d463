import type { Knex } from 'knex';
import { isoNow, type Clock } from '../../clock/index.js';
import type { AuditConfig } from '../../config/index.js';
import type { Database } from '../../db/index.js';
import { PeriodicTask } from '../../jobs/index.js';
import type { Logger } from '../../log/index.js';
import { writeAudit } from '../auditRow.js';

/** What one run deleted: events older than `before`. */
export interface RetentionReport { removed: number; before: string }

export interface AuditRetentionDeps { db: Database; clock: Clock; logger: Logger; config: AuditConfig }

const BATCH = 1000;
const DAY = 86_400_000;

/**
 * Enforces AUDIT_RETENTION_DAYS (issue 9.5): deletes audit events older than that, in batches, one
 * engine at a time on a shared database (every AUDIT_RETENTION_INTERVAL_MINUTES), and leaves an
 * `audit.retention` event with the count. The database refuses any other delete (migration 0016):
 * each batch opens the way in its own transaction by setting `audit_retention.horizon`, and closes
 * it again before committing.
 */
export class AuditRetention {
  private readonly task: PeriodicTask<RetentionReport>;

  constructor(private readonly deps: AuditRetentionDeps) {
    this.task = new PeriodicTask({ db: deps.db, name: 'engine:audit-retention', intervalMinutes: deps.config.retentionIntervalMinutes,
      logger: deps.logger, failure: 'audit retention failed', work: () => this.runOnce() });
  }

  start(): void { this.task.start(); }

  stop(): Promise<void> { return this.task.stop(); }

  /** One run now (at the clock's time); undefined when another engine is running it. */
  run(): Promise<RetentionReport | undefined> { return this.task.run(); }

  private async runOnce(): Promise<RetentionReport> {
    const before = new Date(this.deps.clock.now().getTime() - this.deps.config.retentionDays * DAY).toISOString();
    let removed = 0;
    for (;;) {
      const count = await this.deps.db.knex.transaction((trx) => deleteBatch(trx, before));
      removed += count;
      if (count < BATCH) break;
    }
    if (removed > 0) {
      await writeAudit(this.deps.db.knex, undefined, { action: 'audit.retention',
        details: { deleted: removed, olderThan: before, retentionDays: this.deps.config.retentionDays } }, isoNow(this.deps.clock));
    }
    this.deps.logger.info({ auditRetention: { removed, before } }, 'audit retention done');
    return { removed, before };
  }
}

/** Up to BATCH events older than `before`, with the database's guard opened for this transaction only. */
async function deleteBatch(trx: Knex.Transaction, before: string): Promise<number> {
  await trx('audit_retention').where('id', 1).update({ horizon: before });
  const ids = await trx('audit_events').where('at', '<', before).orderBy('at').limit(BATCH).pluck('id') as number[];
  const count = ids.length > 0 ? await trx('audit_events').whereIn('id', ids).delete() : 0;
  await trx('audit_retention').where('id', 1).update({ horizon: null });
  return count;
}
