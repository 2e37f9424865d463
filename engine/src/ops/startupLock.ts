import type { Database } from '../db/index.js';

/**
 * Runs an engine's start (migrations, definition files, built-in roles, demo seed, job recovery)
 * while holding a PostgreSQL advisory lock, so that engines started at the same moment on one
 * database take turns. knex's migration lock alone is not enough: the definition files and seeds
 * loaded after it collide (duplicate keys) when two processes load them at once. The lock is per
 * schema and held by a transaction, so a crashed start releases it with its connection.
 * SQLite serves one process and needs none.
 */
export async function withStartupLock<T>(db: Database, start: () => Promise<T>): Promise<T> {
  if (db.dialect.name !== 'postgres') return start();
  const trx = await db.knex.transaction();
  try {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?), hashtext(current_schema()))', ['zjrj-engine-start']);
    return await start();
  } finally {
    await trx.rollback().catch(() => {}); // the transaction wrote nothing; ending it releases the lock
  }
}
