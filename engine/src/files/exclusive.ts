import type { Database } from '../db/index.js';

/** Runs `work` unless another engine on the same database is running it; undefined when skipped. */
type ExclusiveRunner = <T>(db: Database, name: string, work: () => Promise<T>) => Promise<T | undefined>;

/**
 * PostgreSQL: a transaction-scoped advisory lock, tried (never waited for), keyed by the name and
 * the schema, so deployments sharing one database in separate schemas do not exclude each other.
 * The transaction only holds the lock; `work` writes through the pool and commits as it goes, and a
 * crashed engine's lock ends with its connection.
 */
const postgres: ExclusiveRunner = (db, name, work) => db.knex.transaction(async (trx) => {
  const { rows } = await trx.raw(`SELECT pg_try_advisory_xact_lock(hashtext(?), hashtext(coalesce(current_schema(), ''))) AS locked`, [name]) as
    { rows: Array<{ locked: boolean }> };
  return rows[0]?.locked ? work() : undefined;
});

/** SQLite: one engine process per database file, whose own runs are kept apart by the caller. */
const sqlite: ExclusiveRunner = (_db, _name, work) => work();

const RUNNERS: Record<Database['dialect']['name'], ExclusiveRunner> = { postgres, sqlite };

export const runExclusively: ExclusiveRunner = (db, name, work) => RUNNERS[db.dialect.name](db, name, work);
