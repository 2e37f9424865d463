import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../access/index.js';
import { HttpClient, testDatabases, useTestEngine } from '../../../testing/index.js';
import {
  actionRuns, actorFor, parallelProcess, publishProcess, registerTestAction, reviewProcess, reviewWithoutAction,
} from './workflowFixture.js';

type Task = { id: string; instanceId: string; nodeId: string };

describe.each(testDatabases())('workflow versions and parallel branches (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let district: HttpClient;
  let initiator: Actor;
  const openTasks = async (instanceId: string) =>
    ((await district.get('/api/tasks')).body.items as Task[]).filter((t) => t.instanceId === instanceId);
  const approve = (task: Task) => district.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve', comment: '同意' });
  const instance = (id: string) => ctx.engine.engine.workflow.repository.getInstance(id);

  beforeAll(async () => {
    district = ctx.engine.client();
    await district.firstLogin('jawjj0001');
    initiator = await actorFor(ctx.engine.engine, 'jarmyy001');
    registerTestAction(ctx.engine.engine);
  });

  it('keeps a running instance on the version it started with when a new version is published', async () => {
    const { engine } = ctx.engine;
    const v1 = await publishProcess(engine, 'testPinned', reviewProcess);
    const older = await engine.workflow.start(initiator, 'testPinned');
    const v2 = await publishProcess(engine, 'testPinned', reviewWithoutAction);
    expect(v2).toBe(v1 + 1);
    const newer = await engine.workflow.start(initiator, 'testPinned');
    expect([older.processVersion, newer.processVersion]).toEqual([v1, v2]);

    for (const id of [older.id, newer.id]) expect((await approve((await openTasks(id))[0]!)).status).toBe(200);
    expect(await actionRuns(engine, older.id)).toBe(1); // version 1 runs the action after approval
    expect(await actionRuns(engine, newer.id)).toBe(0); // version 2 does not
    expect((await instance(older.id))?.status).toBe('completed');
    expect((await instance(newer.id))?.status).toBe('completed');
  });

  it('splits into parallel tasks and continues only after both are done', async () => {
    const { engine } = ctx.engine;
    await publishProcess(engine, 'testParallel', parallelProcess);
    const started = await engine.workflow.start(initiator, 'testParallel');
    const tasks = await openTasks(started.id);
    expect(tasks.map((t) => t.nodeId).sort()).toEqual(['ReviewA', 'ReviewB']);

    // Two approvals of one branch at once: the atomic claim lets one through while the instance runs on.
    const race = await Promise.all([approve(tasks[0]!), approve(tasks[0]!)]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await instance(started.id))?.status).toBe('running');
    expect(await actionRuns(engine, started.id)).toBe(0);
    expect((await openTasks(started.id)).map((t) => t.id)).toEqual([tasks[1]!.id]);

    expect((await approve(tasks[1]!)).status).toBe(200);
    expect(await actionRuns(engine, started.id)).toBe(1);
    expect((await instance(started.id))?.status).toBe('completed');
    expect(await engine.workflow.repository.liveTokens(engine.db.knex, started.id)).toEqual([]);
  });

  it('refuses to start a process that is not published', async () => {
    const error = await ctx.engine.engine.workflow.start(initiator, 'noSuchProcess').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404 });
  });
});
