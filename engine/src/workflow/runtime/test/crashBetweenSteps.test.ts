import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../app/index.js';
import {
  CHILD_ENGINE_TEST_TIMEOUT, HttpClient, spawnChildEngine, startTestEngine, testDatabases, type TestDatabase, type TestEngine,
} from '../../../testing/index.js';
import { actionRuns, registerTestAction } from './workflowFixture.js';

type Halt = 'action' | 'committed';
type Task = { id: string; instanceId: string };

/** Everything the execution tables (and the action's side effect) hold for one instance. */
async function executionState(engine: Engine, instanceId: string) {
  const { knex } = engine.db;
  const instance = await knex('process_instances').where('id', instanceId).first('status', 'ended_at');
  return {
    status: instance.status as string,
    ended: instance.ended_at !== null,
    tasks: await knex('user_tasks').where('instance_id', instanceId).orderBy('id')
      .select('id', 'token_id as tokenId', 'node_id as nodeId', 'status', 'outcome'),
    tokens: await knex('process_tokens').where('instance_id', instanceId).orderBy('id').select('id', 'node_id as nodeId', 'state'),
    history: (await knex('process_history').where('instance_id', instanceId).orderBy('seq').select('type')).map((e) => e.type as string),
    actionRuns: await actionRuns(engine, instanceId),
  };
}

/** An instance whose review step ran exactly once: task done, action run once, token at the end, ended once. */
const approvedOnce = (task: Task, tokenId: unknown) => ({
  status: 'completed', ended: true,
  tasks: [{ id: task.id, tokenId, nodeId: 'Review', status: 'done', outcome: 'approve' }],
  tokens: [{ id: tokenId, nodeId: 'EndApplied', state: 'ended' }],
  history: ['started', 'taskCreated', 'taskCompleted', 'serviceRan', 'ended'],
  actionRuns: 1,
});

describe.each(testDatabases())('an engine killed with SIGKILL around a workflow step (%s)', (_name, makeDatabase) => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  /**
   * A child engine on a fresh database with one instance waiting at its review task; the district
   * bureau completes the task over HTTP, the child halts where `halt` says, and is killed there.
   * Then a new engine starts on the same database.
   */
  async function completeAndKill(halt: Halt): Promise<{ engine: TestEngine; instanceId: string; task: Task; answered: boolean }> {
    const database: TestDatabase = await makeDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-crash-'));
    cleanup.push(async () => { await database.dispose(); fs.rmSync(dataDir, { recursive: true, force: true }); });
    const child = spawnChildEngine(path.join(import.meta.dirname, 'crashChild.ts'), [JSON.stringify(database.config), dataDir, halt]);
    cleanup.push(async () => { await child.kill(); });
    const [, port, instanceId] = await child.line(/^READY (\d+) (\S+)$/);

    const district = new HttpClient(`http://127.0.0.1:${port}`);
    await district.firstLogin('jawjj0001');
    const task = ((await district.get('/api/tasks')).body.items as Task[]).find((t) => t.instanceId === instanceId)!;
    expect(task).toBeDefined();
    const response = district.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve', comment: '同意' })
      .then(() => true, () => false);
    await child.line(/^HALTED$/);
    expect(await child.kill()).toBe('SIGKILL');

    // The same data keys as the child (the test keys): the process data is encrypted.
    const engine = await startTestEngine(database);
    cleanup.push(() => engine.close());
    registerTestAction(engine.engine);
    return { engine, instanceId: instanceId!, task, answered: await response };
  }

  async function reviewer(engine: TestEngine): Promise<HttpClient> {
    const client = engine.client();
    expect((await client.login('jawjj0001', 'Hosp#2024!x')).status).toBe(200);
    return client;
  }

  it('killed inside the step (its action running): nothing of the step is left, and completing again runs it once', async () => {
    const { engine, instanceId, task, answered } = await completeAndKill('action');
    expect(answered).toBe(false);

    // The task still open, the instance running on the same node, no half step, no side effect.
    const left = await executionState(engine.engine, instanceId);
    expect(left).toEqual({
      status: 'running', ended: false,
      tasks: [{ id: task.id, tokenId: left.tokens[0]?.id, nodeId: 'Review', status: 'open', outcome: null }],
      tokens: [{ id: expect.any(String), nodeId: 'Review', state: 'waiting' }],
      history: ['started', 'taskCreated'],
      actionRuns: 0,
    });

    const client = await reviewer(engine);
    const done = await client.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve', comment: '同意' });
    expect(done.status).toBe(200);
    expect(done.body.task).toMatchObject({ id: task.id, status: 'done', outcome: 'approve' });
    const after = await executionState(engine.engine, instanceId);
    expect(after).toEqual(approvedOnce(task, left.tokens[0]!.id));
    expect((await client.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' })).status).toBe(409);
    expect(await executionState(engine.engine, instanceId)).toEqual(after);
  }, CHILD_ENGINE_TEST_TIMEOUT);

  it('killed after the step committed, before the response: after the restart nothing is repeated', async () => {
    const { engine, instanceId, task, answered } = await completeAndKill('committed');
    expect(answered).toBe(false);

    const committed = await executionState(engine.engine, instanceId);
    expect(committed).toEqual(approvedOnce(task, committed.tokens[0]?.id));

    const client = await reviewer(engine);
    const again = await client.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve', comment: '同意' });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].message).toContain('不能再处理');
    expect(await executionState(engine.engine, instanceId)).toEqual(committed);
    const [done] = ((await client.get('/api/tasks?state=done')).body.items as Task[]).filter((t) => t.instanceId === instanceId);
    expect(done).toMatchObject({ id: task.id, status: 'done', outcome: 'approve' });
  }, CHILD_ENGINE_TEST_TIMEOUT);
});
