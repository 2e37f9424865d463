import { describe, expect, it } from 'vitest';
import { newId } from '../../ids/index.js';
import { recordStoreFor } from '../../records/index.js';
import { testDatabases } from '../../testing/index.js';
import { jobMessages, TooManyJobsError, type JobHandler, type JobOutcome, type NewJob } from '../index.js';
import { chunkedHandler, CHUNKED_ENTITY, CHUNKED_KIND, writtenSeqs } from './chunkedHandler.js';
import { useJobDatabase } from './jobDatabase.js';

/** A handler whose outcome is the job's own `params.outcome` (a real JobHandler, no mock). */
const outcomeHandler: JobHandler = { kind: 'test-outcome', run: async (ctx) => ctx.job.params.outcome as JobOutcome };

describe.each(testDatabases())('job runner (%s)', (_name, makeDatabase) => {
  const t = useJobDatabase(makeDatabase);
  const job = (kind: string, params: Record<string, unknown>, accountId = t.accounts[0]): NewJob =>
    ({ kind, entity: CHUNKED_ENTITY, orgId: t.orgId, accountId, params, total: 0 });

  it('runs an enqueued job in the background to succeeded, with its counts, records and checkpoint', async () => {
    const runner = t.runner();
    const handler = chunkedHandler(t.db, t.at);
    runner.register(handler);
    await runner.start();
    const queued = await runner.enqueue(job(CHUNKED_KIND, { rows: 25, chunk: 10 }));
    expect(queued).toMatchObject({ status: 'queued', processed: 0, startedAt: null, checkpoint: null });
    const done = await runner.whenSettled(queued.id);
    expect(done).toMatchObject({ status: 'succeeded', total: 25, processed: 25, imported: 25, failed: 0, checkpoint: { next: 25 },
      attempts: 1, worker: runner.worker, leaseUntil: null, finishedAt: t.at() });
    expect(await writtenSeqs(t.db, queued.id)).toEqual([...Array(25).keys()]);
    expect(await t.db.knex('audit_events').where('entity', CHUNKED_ENTITY).count({ n: '*' })).toEqual([{ n: 25 }]);
    expect(handler.runs).toEqual([{ jobId: queued.id, resumed: false, from: 0 }]);
  });

  it('stores partial and failed outcomes with their report file and message', async () => {
    const runner = t.runner();
    runner.register(outcomeHandler);
    await runner.start();
    const partial = await runner.enqueue(job('test-outcome', { outcome: { status: 'partial', reportFile: '/reports/a.xlsx',
      message: '共 3 条，成功 2 条，失败 1 条。', counts: { total: 3, processed: 3, imported: 2, failed: 1 } } }));
    const failed = await runner.enqueue(job('test-outcome', { outcome: { status: 'failed', message: '文件中没有数据行。',
      counts: { total: 0 } } }));
    expect(await runner.whenSettled(partial.id)).toMatchObject({ status: 'partial', total: 3, imported: 2, failed: 1,
      reportFile: '/reports/a.xlsx', message: '共 3 条，成功 2 条，失败 1 条。' });
    expect(await runner.whenSettled(failed.id)).toMatchObject({ status: 'failed', imported: 0, reportFile: null, message: '文件中没有数据行。' });
  });

  it('turns a handler\'s exception into failed with a generic Chinese message, keeping the counts, logging no personal data', async () => {
    const runner = t.runner();
    runner.register({ kind: 'test-throws', run: async (ctx) => {
      await ctx.progress({ total: 9, processed: 4, imported: 3, failed: 1 });
      throw new Error('证件号码 420102199005171234 无法解析');
    } });
    await runner.start();
    const done = await runner.whenSettled((await runner.enqueue(job('test-throws', {}))).id);
    expect(done).toMatchObject({ status: 'failed', total: 9, processed: 4, imported: 3, failed: 1, message: jobMessages.failed });
    const log = t.logLines.join('');
    expect(log).toContain('job failed');
    expect(log).not.toContain('420102199005171234');
  });

  it('refuses a third queued or running job of one account with 429 in Chinese, counting runNow jobs too', async () => {
    const runner = t.runner(); // not started: enqueued jobs stay queued
    runner.register(outcomeHandler);
    const ok = { outcome: { status: 'succeeded', counts: {} } };
    const attempts = await Promise.allSettled([1, 2, 3].map(() => runner.enqueue(job('test-outcome', ok))));
    expect(attempts.map((a) => a.status).sort()).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const refusal = attempts.find((a) => a.status === 'rejected') as PromiseRejectedResult;
    expect(refusal.reason).toBeInstanceOf(TooManyJobsError);
    expect(refusal.reason).toMatchObject({ status: 429, items: [{ code: 'TOO_MANY_JOBS', message: expect.stringContaining('2 个导入任务') }] });
    await expect(runner.runNow(job('test-outcome', ok))).rejects.toBeInstanceOf(TooManyJobsError);
    expect((await runner.enqueue(job('test-outcome', ok, t.accounts[1]))).status).toBe('queued'); // another account
    await runner.start();
    await runner.whenIdle();
    expect((await runner.enqueue(job('test-outcome', ok))).status).toBe('queued'); // the first two have ended
  });

  it('runs a small job to its end within runNow, as a row in the table', async () => {
    const runner = t.runner();
    runner.register(chunkedHandler(t.db, t.at));
    const done = await runner.runNow(job(CHUNKED_KIND, { rows: 7, chunk: 5 }));
    expect(done).toMatchObject({ status: 'succeeded', processed: 7, imported: 7, attempts: 1 });
    expect(await runner.repository.get(done.id)).toEqual(done);
    expect(await writtenSeqs(t.db, done.id)).toEqual([...Array(7).keys()]);
  });

  it('commits jobProgress with the records of its transaction, and only while the job runs', async () => {
    const runner = t.runner();
    runner.register(outcomeHandler);
    const queued = await runner.enqueue(job('test-outcome', {}));
    const store = recordStoreFor(t.db);
    const record = () => ({ id: newId(), entity: CHUNKED_ENTITY, orgId: t.orgId, defVersion: 1, version: 1, data: { seq: 1, jobId: queued.id } });
    // Not running (queued): the progress is refused and the record with it.
    await expect(store.write(async (w) => {
      await w.insert(record(), t.at(), 'tester');
      await w.jobProgress(queued.id, { processed: 1 }, { next: 1 }, t.at());
    })).rejects.toThrow(/not running/);
    await t.db.knex('jobs').where('id', queued.id).update({ status: 'running' });
    // Running, but the transaction fails after the progress: neither is stored.
    await expect(store.write(async (w) => {
      await w.insert(record(), t.at(), 'tester');
      await w.jobProgress(queued.id, { processed: 1, imported: 1 }, { next: 1 }, t.at());
      throw new Error('chunk failed');
    })).rejects.toThrow('chunk failed');
    expect(await writtenSeqs(t.db, queued.id)).toEqual([]);
    expect(await runner.repository.get(queued.id)).toMatchObject({ processed: 0, checkpoint: null });
    // Committed: both, and a null checkpoint keeps the stored one.
    await store.write(async (w) => {
      await w.insert(record(), t.at(), 'tester');
      await w.jobProgress(queued.id, { processed: 1, imported: 1 }, { next: 1 }, t.at());
    });
    await store.write((w) => w.jobProgress(queued.id, { failed: 2 }, null, t.at()));
    expect(await runner.repository.get(queued.id)).toMatchObject({ processed: 1, imported: 1, failed: 2, checkpoint: { next: 1 } });
    expect(await writtenSeqs(t.db, queued.id)).toEqual([1]);
  });

  it('refuses to enqueue a kind no handler is registered for', async () => {
    await expect(t.runner().enqueue(job('nobody', {}))).rejects.toThrow(/No job handler/);
    expect(await t.db.knex('jobs').count({ n: '*' })).toEqual([{ n: 0 }]);
  });
});
