import { afterEach, beforeEach } from 'vitest';
import { Writable } from 'node:stream';
import { ManualClock } from '../../clock/index.js';
import type { DatabaseConfig, JobsConfig } from '../../config/index.js';
import { openDatabase, type Database } from '../../db/index.js';
import { newId } from '../../ids/index.js';
import { createLogger } from '../../log/index.js';
import type { TestDatabase } from '../../testing/index.js';
import { JobRepository, JobRunner, type JobDelivery } from '../index.js';
import type { DeliveryContext } from '../delivery/index.js';

/** The runner's own tests claim on the `jobs` table on both databases; pg-boss delivery has its own tests. */
export const TEST_JOBS: JobsConfig = { workers: 1, maxConcurrentPerAccount: 2, pollMs: 600_000, leaseMs: 30_000, maxAttempts: 3,
  queue: 'table', expireSeconds: 900 };

export interface JobDatabase {
  db: Database;
  /** Where `db` points (for a second connection, e.g. to pg-boss's schema). */
  databaseConfig: DatabaseConfig;
  clock: ManualClock;
  orgId: string;
  /** Two accounts of the organisation. */
  accounts: [string, string];
  logLines: string[];
  repository: JobRepository;
  /** A runner on this database (stopped after the test); `delivery` picks how jobs reach it (the table by default). */
  runner(config?: Partial<JobsConfig>, delivery?: (deps: DeliveryContext) => JobDelivery): JobRunner;
  at(): string;
}

/** A fresh, migrated database per test with one organisation and two accounts: no engine, no HTTP. */
export function useJobDatabase(makeDatabase: () => Promise<TestDatabase>): JobDatabase {
  const ctx = { logLines: [] as string[] } as JobDatabase;
  let database: TestDatabase;
  const runners: JobRunner[] = [];
  beforeEach(async () => {
    database = await makeDatabase();
    ctx.db = openDatabase(database.config);
    ctx.databaseConfig = database.config;
    await ctx.db.migrateLatest();
    ctx.clock = new ManualClock(new Date('2026-11-25T08:00:00.000Z'));
    ctx.at = () => ctx.clock.now().toISOString();
    ctx.orgId = newId();
    await ctx.db.knex('orgs').insert({ id: ctx.orgId, name: '测试医院', level: 'institution', path: `/${ctx.orgId}/`, created_at: ctx.at() });
    ctx.accounts = [newId(), newId()];
    for (const [i, id] of ctx.accounts.entries()) {
      await ctx.db.knex('accounts').insert({ id, org_id: ctx.orgId, username: `clerk${i}`, username_key: `clerk${i}`, nickname: `职员${i}`,
        password_hash: 'not-a-hash', created_at: ctx.at() });
    }
    ctx.repository = new JobRepository(ctx.db);
    ctx.logLines.length = 0;
    const sink = new Writable({ write(chunk, _encoding, done) { ctx.logLines.push(String(chunk)); done(); } });
    const logger = createLogger('info', sink);
    ctx.runner = (config = {}, delivery) => {
      const repository = new JobRepository(ctx.db);
      const jobs = { ...TEST_JOBS, ...config };
      const runner = new JobRunner({ db: ctx.db, repository, clock: ctx.clock, logger, config: jobs,
        delivery: delivery?.({ repository, clock: ctx.clock, logger, config: jobs, database: database.config }) });
      runners.push(runner);
      return runner;
    };
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await ctx.db.destroy();
    await database.dispose();
  });
  return ctx;
}
