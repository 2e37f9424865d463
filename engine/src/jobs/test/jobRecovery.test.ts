import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../testing/index.js';
import { jobMessages, type JobRow, type NewJob } from '../index.js';
import { chunkedHandler, CHUNKED_ENTITY, CHUNKED_KIND, writtenSeqs } from './chunkedHandler.js';
import { useJobDatabase } from './jobDatabase.js';

/** Resolves when `register` is called: an event to wait on instead of a timer. */
function signal<T = void>(): { promise: Promise<T>; fire(value: T): void } {
  let fire!: (value: T) => void;
  const promise = new Promise<T>((resolve) => { fire = resolve; });
  return { promise, fire };
}

describe.each(testDatabases())('job recovery (%s)', (name, makeDatabase) => {
  const t = useJobDatabase(makeDatabase);
  const job = (kind = CHUNKED_KIND, params: Record<string, unknown> = { rows: 25, chunk: 10 }): NewJob =>
    ({ kind, entity: CHUNKED_ENTITY, orgId: t.orgId, accountId: t.accounts[0], params, total: 25 });

  /** A job as a dead engine process left it: running under its (expired) lease, with a checkpoint. */
  async function leftRunning(kind: string, fields: Record<string, unknown> = {}): Promise<JobRow> {
    const { id } = await t.repository.create(job(kind), { status: 'queued' }, t.at(), 10);
    await t.db.knex('jobs').where('id', id).update({ status: 'running', worker: 'dead-process', attempts: 1, started_at: t.at(),
      lease_until: new Date(t.clock.now().getTime() - 1000).toISOString(), ...fields });
    const row = await t.db.knex('jobs').where('id', id).first();
    return { ...row, id } as JobRow;
  }

  it('resumes a job a dead process left running from its checkpoint: only the rows after it are written', async () => {
    const { id } = await leftRunning(CHUNKED_KIND, { processed: 20, imported: 20, checkpoint: JSON.stringify({ next: 20 }) });
    const runner = t.runner();
    const handler = chunkedHandler(t.db, t.at);
    runner.register(handler);
    await runner.start();
    expect(await runner.whenSettled(id)).toMatchObject({ status: 'succeeded', processed: 25, imported: 25, attempts: 2 });
    expect(handler.runs).toEqual([{ jobId: id, resumed: true, from: 20 }]);
    expect(await writtenSeqs(t.db, id)).toEqual([20, 21, 22, 23, 24]);
  });

  it('leaves a running job alone while its lease holds, and claims it once the lease has expired', async () => {
    const runner = t.runner();
    const handler = chunkedHandler(t.db, t.at);
    runner.register(handler);
    await runner.start(); // recovery is over: what follows is another live process's job
    const { id } = await leftRunning(CHUNKED_KIND, { lease_until: new Date(t.clock.now().getTime() + 60_000).toISOString() });
    await runner.whenIdle();
    expect(handler.runs).toEqual([]);
    expect(await runner.repository.get(id)).toMatchObject({ status: 'running', worker: 'dead-process' });
    t.clock.advance(61_000);
    await runner.whenIdle();
    expect(handler.runs).toEqual([{ jobId: id, resumed: true, from: 0 }]);
    expect(await runner.repository.get(id)).toMatchObject({ status: 'succeeded', imported: 25 });
  });

  it(`treats a job left running by the previous start as ${name === 'sqlite' ? 'an orphan at once (one process per file)' : 'alive until its lease expires'}`, async () => {
    const { id } = await leftRunning(CHUNKED_KIND, { lease_until: new Date(t.clock.now().getTime() + 60_000).toISOString() });
    const runner = t.runner();
    runner.register(chunkedHandler(t.db, t.at));
    await runner.start();
    await runner.whenIdle();
    expect((await runner.repository.get(id))?.status).toBe(name === 'sqlite' ? 'succeeded' : 'running');
  });

  it('marks jobs of a kind no handler knows as interrupted, saying to import again', async () => {
    const orphan = await leftRunning('vanished');
    const queued = await t.repository.create(job('vanished'), { status: 'queued' }, t.at(), 10);
    const runner = t.runner();
    runner.register(chunkedHandler(t.db, t.at));
    await runner.start();
    for (const id of [orphan.id, queued.id]) {
      expect(await runner.repository.get(id)).toMatchObject({ status: 'interrupted', message: jobMessages.interrupted, finishedAt: t.at() });
    }
    expect(jobMessages.interrupted).toContain('重新导入');
  });

  it('gives a job up as interrupted when its resumption fails, or after too many attempts', async () => {
    const failing = await leftRunning('test-resume-fails');
    const worn = await leftRunning(CHUNKED_KIND, { attempts: 3 });
    const runner = t.runner({ maxAttempts: 3 });
    const handler = chunkedHandler(t.db, t.at);
    runner.register(handler);
    runner.register({ kind: 'test-resume-fails', run: async () => { throw new Error('checkpoint no longer matches the file'); } });
    await runner.start();
    expect(await runner.whenSettled(failing.id)).toMatchObject({ status: 'interrupted', message: jobMessages.interrupted });
    expect(await runner.whenSettled(worn.id)).toMatchObject({ status: 'interrupted', message: jobMessages.tooManyAttempts(4) });
    expect(handler.runs).toEqual([]);
  });

  it('gives the running job back when stopped; the next start resumes it after its last chunk, every row once', async () => {
    const firstChunk = signal();
    const runner = t.runner();
    const handler = chunkedHandler(t.db, t.at, {
      afterChunk: async (ctx) => {
        if (ctx.resumed) return;
        firstChunk.fire();
        await new Promise((resolve) => { ctx.signal.addEventListener('abort', resolve); }); // works until the engine stops
      },
    });
    runner.register(handler);
    await runner.start();
    const { id } = await runner.enqueue(job());
    await firstChunk.promise;
    await runner.stop();
    expect(await runner.repository.get(id)).toMatchObject({ status: 'running', worker: null, leaseUntil: null, processed: 10 });
    await runner.start();
    expect(await runner.whenSettled(id)).toMatchObject({ status: 'succeeded', processed: 25 });
    expect(handler.runs.map((r) => [r.resumed, r.from])).toEqual([[false, 0], [true, 10]]);
    expect(await writtenSeqs(t.db, id)).toEqual([...Array(25).keys()]);
  });

  it('stops a handler whose lease another process took, without finishing the job', async () => {
    const aborted = signal<unknown>();
    const started = signal();
    const runner = t.runner({ leaseMs: 30 }); // heartbeat every 10 ms
    runner.register({ kind: 'test-lease', run: async (ctx) => {
      started.fire();
      await new Promise((resolve) => { ctx.signal.addEventListener('abort', resolve); });
      aborted.fire(ctx.signal.reason);
      ctx.signal.throwIfAborted();
      return { status: 'succeeded', counts: {} };
    } });
    await runner.start();
    const { id } = await runner.enqueue(job('test-lease'));
    await started.promise;
    await t.db.knex('jobs').where('id', id).update({ worker: 'other-process' });
    expect(await aborted.promise).toBe('leaseLost');
    await runner.whenIdle();
    expect(await runner.repository.get(id)).toMatchObject({ status: 'running', worker: 'other-process', finishedAt: null });
  });

  it('lets two runners share the queue without running any job twice', async () => {
    const [a, b] = [t.runner(), t.runner()];
    const [handlerA, handlerB] = [chunkedHandler(t.db, t.at), chunkedHandler(t.db, t.at)];
    a.register(handlerA);
    b.register(handlerB);
    await Promise.all([a.start(), b.start()]);
    const ids: string[] = [];
    for (const account of t.accounts) {
      for (let i = 0; i < 2; i += 1) ids.push((await a.repository.create({ ...job(CHUNKED_KIND, { rows: 6, chunk: 2 }), accountId: account },
        { status: 'queued' }, t.at(), 10)).id);
    }
    await Promise.all([a.whenIdle(), b.whenIdle()]);
    const runs = [...handlerA.runs, ...handlerB.runs].map((r) => r.jobId).sort();
    expect(runs).toEqual([...ids].sort());
    for (const id of ids) expect(await writtenSeqs(t.db, id)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
