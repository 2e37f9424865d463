import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../access/index.js';
import { HttpClient, testDatabases, useTestEngine } from '../../../testing/index.js';
import { actionRuns, actorFor, parallelProcess, publishProcess, registerTestAction, reviewProcess, selfReviewProcess } from './workflowFixture.js';

type Task = { id: string; instanceId: string; nodeId: string; status: string };

describe.each(testDatabases())('workflow tasks over HTTP (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient; // 江岸区人民医院 (the initiator)
  let district: HttpClient; // 江岸区卫生健康局, its parent
  let zhongxin: HttpClient; // 江岸区中心医院, another institution
  let initiator: Actor;
  const start = (key: string, data: Record<string, unknown> = {}) =>
    ctx.engine.engine.workflow.start(initiator, key, { businessKey: `B-${key}`, data });
  const tasksOf = async (client: HttpClient, instanceId: string, state = 'open') =>
    ((await client.get(`/api/tasks?state=${state}`)).body.items as Task[]).filter((t) => t.instanceId === instanceId);
  const historyTypes = async (instanceId: string) =>
    ((await renmin.get(`/api/workflow/instances/${instanceId}/history`)).body.events as Array<{ type: string }>).map((e) => e.type);
  const status = async (instanceId: string) => (await ctx.engine.engine.workflow.repository.getInstance(instanceId))?.status;

  beforeAll(async () => {
    const { engine } = ctx.engine;
    [renmin, district, zhongxin] = [ctx.engine.client(), ctx.engine.client(), ctx.engine.client()];
    await Promise.all([renmin.firstLogin('jarmyy001'), district.firstLogin('jawjj0001'), zhongxin.firstLogin('jazxyy001')]);
    initiator = await actorFor(engine, 'jarmyy001');
    registerTestAction(engine);
    await publishProcess(engine, 'testReview', reviewProcess);
    await publishProcess(engine, 'testSelfReview', selfReviewProcess);
    await publishProcess(engine, 'testParallel', parallelProcess);
  });

  it('happy path: the bureau above sees the task, approves, the action runs once, the instance ends', async () => {
    const instance = await start('testReview', { name: '张三' });
    const [task] = await tasksOf(district, instance.id);
    expect(task).toMatchObject({ processKey: 'testReview', nodeId: 'Review', businessKey: 'B-testReview', data: { name: '张三' },
      outcomes: ['approve', 'reject'] });
    const done = await district.post(`/api/tasks/${task!.id}/complete`, { outcome: 'approve', comment: '同意' });
    expect(done.status).toBe(200);
    expect(done.body.task).toMatchObject({ id: task!.id, status: 'done', outcome: 'approve', comment: '同意' });
    expect(await actionRuns(ctx.engine.engine, instance.id)).toBe(1);
    expect(await status(instance.id)).toBe('completed');
    expect(await historyTypes(instance.id)).toEqual(['started', 'taskCreated', 'taskCompleted', 'serviceRan', 'ended']);
    expect(await tasksOf(district, instance.id)).toEqual([]);
    expect((await tasksOf(district, instance.id, 'done')).map((t) => t.id)).toEqual([task!.id]);
  });

  it('reject path: the instance ends without the action', async () => {
    const instance = await start('testReview');
    const [task] = await tasksOf(district, instance.id);
    expect((await district.post(`/api/tasks/${task!.id}/complete`, { outcome: 'reject', comment: '材料不全' })).status).toBe(200);
    expect(await actionRuns(ctx.engine.engine, instance.id)).toBe(0);
    expect(await status(instance.id)).toBe('completed');
    expect(await historyTypes(instance.id)).toEqual(['started', 'taskCreated', 'taskCompleted', 'ended']);
  });

  it('two concurrent approvals of one task: exactly one 200 and one 409', async () => {
    const instance = await start('testReview');
    const [task] = await tasksOf(district, instance.id);
    const other = ctx.engine.client();
    await other.login('jawjj0001', 'Hosp#2024!x');
    const results = await Promise.all([district, other].map((c) => c.post(`/api/tasks/${task!.id}/complete`, { outcome: 'approve' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await actionRuns(ctx.engine.engine, instance.id)).toBe(1);
    expect((await district.post(`/api/tasks/${task!.id}/complete`, { outcome: 'reject' })).status).toBe(409);
  });

  it('refuses self-approval even when the initiator matches the assignment, and does not list it', async () => {
    const instance = await start('testSelfReview');
    const [task] = await ctx.engine.engine.workflow.repository.tasksOf(instance.id);
    const refused = await renmin.post(`/api/tasks/${task!.id}/complete`, { outcome: 'approve' });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].message).toContain('不能审批自己发起的申请');
    expect(await tasksOf(renmin, instance.id)).toEqual([]);
    expect((await ctx.engine.engine.workflow.repository.getTask(task!.id))?.status).toBe('open');
  });

  it('hides the task from another institution: not listed, 404 to complete and to read the history', async () => {
    const instance = await start('testReview');
    const [task] = await tasksOf(district, instance.id);
    expect(await tasksOf(zhongxin, instance.id)).toEqual([]);
    expect((await zhongxin.post(`/api/tasks/${task!.id}/complete`, { outcome: 'approve' })).status).toBe(404);
    expect((await zhongxin.get(`/api/workflow/instances/${instance.id}/history`)).status).toBe(404);
    expect((await district.get(`/api/workflow/instances/${instance.id}/history`)).status).toBe(200);
  });

  it('refuses an outcome no flow accepts with 422, and changes nothing', async () => {
    const instance = await start('testReview');
    const [task] = await tasksOf(district, instance.id);
    const before = await historyTypes(instance.id);
    const refused = await district.post(`/api/tasks/${task!.id}/complete`, { outcome: 'sendBack', comment: '请修改' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ code: 'NO_FLOW', path: '/outcome' });
    expect((await tasksOf(district, instance.id)).map((t) => t.id)).toEqual([task!.id]);
    expect(await historyTypes(instance.id)).toEqual(before);
    expect((await district.post(`/api/tasks/${task!.id}/complete`, { comment: '无结果' })).status).toBe(422);
  });

  it('withdraw: allowed before anyone acted (open tasks cancelled), 409 after, 404 for others', async () => {
    const early = await start('testReview');
    const [task] = await tasksOf(district, early.id);
    expect((await district.post(`/api/workflow/instances/${early.id}/withdraw`)).status).toBe(404);
    const withdrawn = await renmin.post(`/api/workflow/instances/${early.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.instance.status).toBe('withdrawn');
    expect(await tasksOf(district, early.id)).toEqual([]);
    expect((await district.post(`/api/tasks/${task!.id}/complete`, { outcome: 'approve' })).status).toBe(409);
    expect((await historyTypes(early.id)).at(-1)).toBe('withdrawn');

    const late = await start('testParallel');
    const [first] = await tasksOf(district, late.id);
    expect((await district.post(`/api/tasks/${first!.id}/complete`, { outcome: 'approve' })).status).toBe(200);
    const refused = await renmin.post(`/api/workflow/instances/${late.id}/withdraw`);
    expect(refused.status).toBe(409);
    expect(await status(late.id)).toBe('running');
  });

  it('rolls back the whole step when a service action fails: the task stays open, nothing is recorded', async () => {
    const instance = await start('testReview', { explode: true });
    const [task] = await tasksOf(district, instance.id);
    const before = await historyTypes(instance.id);
    expect((await district.post(`/api/tasks/${task!.id}/complete`, { outcome: 'approve' })).status).toBe(500);
    expect((await tasksOf(district, instance.id)).map((t) => t.id)).toEqual([task!.id]);
    expect(await historyTypes(instance.id)).toEqual(before);
    expect(await actionRuns(ctx.engine.engine, instance.id)).toBe(0);
    const retried = await district.post(`/api/tasks/${task!.id}/complete`, { outcome: 'approve', data: { explode: false } });
    expect(retried.status).toBe(200);
    expect(await actionRuns(ctx.engine.engine, instance.id)).toBe(1);
    expect(await status(instance.id)).toBe('completed');
  });
});
