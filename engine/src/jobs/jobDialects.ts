import type { Knex } from 'knex';
import type { Database } from '../db/index.js';

/**
 * What claiming jobs needs from each database (a registry by dialect, not a switch).
 *
 * PostgreSQL: several engine processes share the queue. A job is claimed by ONE statement
 * (`UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED) RETURNING *`, the technique of
 * pg-boss and graphile-worker): the row lock is the database's, held only by that statement, so
 * two processes never claim the same job and none waits on another. A running job carries a lease
 * its process renews; a job whose lease expired belongs to a dead process and is claimed again.
 *
 * SQLite: one engine process per file (decision 0002) on one writer connection, so a plain
 * conditional UPDATE is atomic, and at start every `running` job is an orphan of a dead process.
 */
export interface JobDialect {
  /** Appended to the claim's inner SELECT. */
  readonly claimLock: string;
  /** Whether every job left `running` at start belongs to a dead process (no lease to wait for). */
  readonly runningIsOrphanAtStart: boolean;
  /** Serialises enqueues of one account inside a transaction, so the concurrency cap holds. */
  lockAccount(trx: Knex.Transaction, accountId: string): Promise<void>;
  /** The rows a raw `… RETURNING *` answered. */
  returned(result: unknown): Record<string, unknown>[];
}

export const jobDialects: Record<Database['dialect']['name'], JobDialect> = {
  sqlite: {
    claimLock: '',
    runningIsOrphanAtStart: true,
    lockAccount: async () => {}, // the single writer connection already serialises transactions
    returned: (result) => result as Record<string, unknown>[],
  },
  postgres: {
    claimLock: 'FOR UPDATE SKIP LOCKED',
    runningIsOrphanAtStart: false,
    lockAccount: async (trx, accountId) => { await trx('accounts').where('id', accountId).forUpdate().first('id'); },
    returned: (result) => (result as { rows: Record<string, unknown>[] }).rows,
  },
};
