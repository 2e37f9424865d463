import type { Actor } from '../access/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { AuditConfig } from '../config/index.js';
import type { Database } from '../db/index.js';
import type { Logger } from '../log/index.js';
import { listAudit } from './AuditQueries.js';
import { writeAudit, type AuditEntry } from './auditRow.js';
import { maskIdNumbersDeep } from './mask.js';
import { AuditRetention } from './retention/index.js';

export interface AuditLogDeps { db: Database; clock: Clock; logger: Logger; config: AuditConfig }

/** The filters of a reading of the log worth keeping with its `audit.read` event. */
const READ_FILTERS = ['action', 'accountId', 'from', 'to', 'page', 'pageSize'] as const;

/**
 * The audit log as a service (issue 9.5): events that change nothing (reads of a person's full
 * record, exports), the log as auditors read it (itself audited), and its retention job. Changes
 * write their events with `writeAudit` in their own transaction instead.
 */
export class AuditLog {
  readonly retention: AuditRetention;

  constructor(private readonly deps: AuditLogDeps) {
    this.retention = new AuditRetention(deps);
  }

  /** An event of its own, at the clock's time (ID numbers in `details` masked). */
  async record(actor: Actor, entry: AuditEntry): Promise<void> {
    const details = entry.details === undefined ? {} : { details: maskIdNumbersDeep(entry.details) as Record<string, unknown> };
    await writeAudit(this.deps.db.knex, actor, { ...entry, ...details }, isoNow(this.deps.clock));
  }

  /** A page of the log in the reader's scope; the reading is itself an `audit.read` event. */
  async list(actor: Actor, query: Record<string, unknown>): ReturnType<typeof listAudit> {
    const page = await listAudit(this.deps.db.reader, actor, query);
    const filters = Object.fromEntries(READ_FILTERS.filter((key) => typeof query[key] === 'string').map((key) => [key, query[key]]));
    await this.record(actor, { action: 'audit.read', details: { ...filters, total: page.total } });
    return page;
  }

  start(): void { this.retention.start(); }

  stop(): Promise<void> { return this.retention.stop(); }
}
