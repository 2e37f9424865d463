import type { Database } from '../db/index.js';

/** The database answers a trivial query (its time is the figure operators watch). */
export const databaseCheck = (db: Database) => async () => {
  await db.knex.raw('select 1');
  return {};
};

/**
 * The jobs table is readable, with the number of queued and running jobs (a queue that only grows
 * means no process is working on it). A queue outside the table (pg-boss) adds its own check.
 */
export const jobsCheck = (db: Database) => async () => {
  const rows = await db.knex('jobs').whereIn('status', ['queued', 'running']).groupBy('status')
    .select('status').count({ count: '*' }) as Array<{ status: string; count: number | string }>;
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.count ?? 0);
  return { queued: count('queued'), running: count('running') };
};
