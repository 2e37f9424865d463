import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/index.js';
import { createDelivery, PgBossDelivery, queueSchemaOf, type JobDelivery, type NewJob } from '../index.js';
import type { DeliveryContext } from '../delivery/index.js';
import { chunkedHandler, CHUNKED_ENTITY, CHUNKED_KIND, writtenSeqs } from './chunkedHandler.js';
import { useJobDatabase } from './jobDatabase.js';

const postgres = testDatabases().filter(([name]) => name === 'postgres');
const made: JobDelivery[] = [];
/** pg-boss in this test's schema; the sweep is left out (a long poll) so pg-boss alone retries. */
const viaPgBoss = (ctx: DeliveryContext) => {
  const delivery = createDelivery({ ...ctx, config: { ...ctx.config, queue: 'pg-boss' } });
  made.push(delivery);
  return delivery;
};
const PG_BOSS = { pollMs: 600_000, expireSeconds: 3 };

/** Resolves when fired: an event to wait on instead of a timer. */
function signal<T = void>(): { promise: Promise<T>; fire(value: T): void } {
  let fire!: (value: T) => void;
  const promise = new Promise<T>((resolve) => { fire = resolve; });
  return { promise, fire };
}

describe('the job queue choice', () => {
  it('takes pg-boss on PostgreSQL, the table on SQLite, and refuses pg-boss on SQLite with the reason', () => {
    const base = { repository: undefined as never, clock: undefined as never, logger: undefined as never };
    const jobs = { workers: 1, maxConcurrentPerAccount: 2, pollMs: 1000, leaseMs: 1000, maxAttempts: 3, expireSeconds: 60 };
    const pg = { client: 'postgres', url: 'postgres://x@127.0.0.1/db', searchPath: 't_1' } as const;
    expect(createDelivery({ ...base, config: { ...jobs, queue: 'auto' }, database: pg })).toBeInstanceOf(PgBossDelivery);
    expect(createDelivery({ ...base, config: { ...jobs, queue: 'auto' }, database: { client: 'sqlite', filename: ':memory:' } }).name).toBe('table');
    expect(createDelivery({ ...base, config: { ...jobs, queue: 'table' }, database: pg }).name).toBe('table');
    expect(() => createDelivery({ ...base, config: { ...jobs, queue: 'pg-boss' }, database: { client: 'sqlite', filename: 'x' } }))
      .toThrow('JOB_QUEUE=pg-boss needs PostgreSQL');
    expect(queueSchemaOf(pg)).toBe('t_1_jobs');
    expect(queueSchemaOf({ client: 'postgres', url: pg.url })).toBe('pgboss');
  });
});

describe.skipIf(postgres.length === 0)('jobs delivered by pg-boss (postgres)', () => {
  const t = useJobDatabase(postgres[0]?.[1] ?? (() => { throw new Error('no PostgreSQL'); }));
  const job = (params: Record<string, unknown> = { rows: 12, chunk: 4 }): NewJob =>
    ({ kind: CHUNKED_KIND, entity: CHUNKED_ENTITY, orgId: t.orgId, accountId: t.accounts[0], params, total: 12 });
  const deliveries = async (jobId: string) => {
    const database = t.databaseConfig;
    if (database.client !== 'postgres') throw new Error('not PostgreSQL');
    const rows = await t.db.knex.withSchema(queueSchemaOf(database)).from('job').where('singleton_key', jobId)
      .orderBy('created_on').select('state') as Array<{ state: string }>;
    return rows.map((r) => r.state);
  };

  it('runs each job once across two engines sharing the queue, every row written once', async () => {
    const [a, b] = [t.runner(PG_BOSS, viaPgBoss), t.runner(PG_BOSS, viaPgBoss)];
    const [handlerA, handlerB] = [chunkedHandler(t.db, t.at), chunkedHandler(t.db, t.at)];
    a.register(handlerA);
    b.register(handlerB);
    await Promise.all([a.start(), b.start()]);
    const ids: string[] = [];
    for (const account of t.accounts) for (let i = 0; i < 2; i += 1) ids.push((await a.enqueue({ ...job(), accountId: account })).id);
    for (const id of ids) await expect.poll(async () => (await t.repository.get(id))?.status, { timeout: 20_000 }).toBe('succeeded');
    expect([...handlerA.runs, ...handlerB.runs].map((r) => r.jobId).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await writtenSeqs(t.db, id)).toEqual([...Array(12).keys()]);
    for (const id of ids) await expect.poll(() => deliveries(id)).toEqual(['completed']);
    expect(await a.delivery.check()).toEqual({ delivery: 'pg-boss', waiting: { [CHUNKED_KIND]: 0 } });
  });

  it('gives a job back when its engine stops; pg-boss delivers it again and the other engine resumes after the last chunk', async () => {
    const firstChunk = signal();
    const a = t.runner(PG_BOSS, viaPgBoss);
    const handlerA = chunkedHandler(t.db, t.at, { afterChunk: async (ctx) => {
      firstChunk.fire();
      await new Promise((resolve) => { ctx.signal.addEventListener('abort', resolve); });
    } });
    a.register(handlerA);
    const b = t.runner(PG_BOSS, viaPgBoss);
    const handlerB = chunkedHandler(t.db, t.at);
    b.register(handlerB);
    await a.start();
    const { id } = await a.enqueue(job());
    await firstChunk.promise;
    await b.start(); // the job is A's now: B's start finds nothing stranded
    await a.stop();
    expect(await t.repository.get(id)).toMatchObject({ status: 'running', worker: null, processed: 4 });
    expect(await b.whenSettled(id)).toMatchObject({ status: 'succeeded', processed: 12, attempts: 2 });
    expect(handlerB.runs).toEqual([{ jobId: id, resumed: true, from: 4 }]);
    expect(await writtenSeqs(t.db, id)).toEqual([...Array(12).keys()]);
    await expect.poll(() => deliveries(id)).toEqual(['completed']); // the failed delivery was retried (the same pg-boss job)
  });

  it('does nothing with a second delivery of a job a live engine is running', async () => {
    const firstChunk = signal();
    const release = signal();
    const a = t.runner(PG_BOSS, viaPgBoss);
    const handler = chunkedHandler(t.db, t.at, { afterChunk: async (_ctx, next) => {
      if (next === 4) { firstChunk.fire(); await release.promise; }
    } });
    a.register(handler);
    const b = t.runner(PG_BOSS, viaPgBoss);
    const other = chunkedHandler(t.db, t.at);
    b.register(other);
    await Promise.all([a.start(), b.start()]);
    const queued = await a.enqueue(job());
    await firstChunk.promise;
    await b.delivery.queued(queued); // a duplicate delivery, as a retry after an expiry would make
    await expect.poll(() => deliveries(queued.id), { timeout: 10_000 }).toEqual(['active', 'completed']);
    release.fire();
    expect(await a.whenSettled(queued.id)).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(other.runs).toEqual([]);
    expect(await writtenSeqs(t.db, queued.id)).toEqual([...Array(12).keys()]);
  });

  it('keeps a job whose send to pg-boss failed: the enqueue answers queued, and a sweep sends it again', async () => {
    const a = t.runner(PG_BOSS, viaPgBoss);
    a.register(chunkedHandler(t.db, t.at));
    await a.start();
    await a.delivery.close(); // pg-boss gone under a started runner: the send fails
    const queued = await a.enqueue(job());
    expect(queued.status).toBe('queued');
    expect(t.logLines.join('')).toContain('its delivery left to the next sweep');
    t.clock.advance(1000); // older than a poll: stranded
    const b = t.runner({ ...PG_BOSS, pollMs: 500 }, viaPgBoss);
    const handler = chunkedHandler(t.db, t.at);
    b.register(handler);
    await b.start();
    expect(await b.whenSettled(queued.id)).toMatchObject({ status: 'succeeded', imported: 12 });
    expect(handler.runs).toEqual([{ jobId: queued.id, resumed: false, from: 0 }]);
  });
});
