import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { changeRequestClients, ROUTE, uscc } from './changeRequestKit.js';

const NEW_CODE = uscc('12420102MB0000003');

describe.each(testDatabases())('institution change requests (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  const { clients, institution, openTask: reviewTask } = changeRequestClients(ctx);
  let hospital: HttpClient, bureau: HttpClient, other: HttpClient;
  beforeAll(() => { ({ hospital, bureau, other } = clients); });
  const request = async (data: Record<string, unknown>) => {
    const created = await hospital.post(ROUTE, { data, reason: '更名后换发证照' });
    expect(created.status).toBe(201);
    return created.body.request as { id: string; instanceId: string; status: string };
  };
  const decide = async ({ id, instanceId }: { id: string; instanceId: string }, outcome: string) => {
    const task = await reviewTask(bureau, instanceId);
    expect(task).toBeDefined();
    const done = await bureau.post(`/api/tasks/${task!.id}/complete`, { outcome, comment: '已核对' });
    expect(done.status).toBe(200);
    return (await hospital.get(`/api/change-requests/${id}`)).body.request;
  };

  it('refuses bad proposals with Chinese messages and paths, storing nothing', async () => {
    const badCode = await hospital.post(ROUTE, { data: { creditCode: '12420102MB00000017' }, reason: '证照更新' });
    expect(badCode.status).toBe(422);
    expect(badCode.body.errors.map((e: { path: string }) => e.path)).toEqual(['/creditCode']);
    const wrongFields = await hospital.post(ROUTE, { data: { phone: '027-85726000', nickname: 'x' }, reason: '' });
    expect(wrongFields.status).toBe(422);
    expect(wrongFields.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/nickname', '/phone', '/reason']);
    expect(wrongFields.body.errors.find((e: { path: string }) => e.path === '/phone').message).toContain('直接在机构信息页面修改');
    const same = await hospital.post(ROUTE, { data: { name: '江岸区人民医院' }, reason: '无' });
    expect(same.status).toBe(422);
    expect((await hospital.get(ROUTE)).body).toEqual({ items: [], total: 0 });
  });

  it('stages the diff; the record stays unchanged until the superior bureau approves, then changes with audit', async () => {
    const before = await institution();
    const created = await request({ name: '江岸区人民医院（新院区）', creditCode: NEW_CODE.toLowerCase() });
    expect(created.status).toBe('pending');
    expect((await hospital.get(ROUTE)).body.items[0]).toMatchObject({ id: created.id, status: 'pending',
      diff: { name: { from: '江岸区人民医院', to: '江岸区人民医院（新院区）' }, creditCode: { from: '12420102MB00000016', to: NEW_CODE } } });
    expect(await institution()).toEqual(before);

    expect((await hospital.post(ROUTE, { data: { legalRepresentative: '张三' }, reason: '换法人' })).status).toBe(409);
    expect((await other.get(`/api/change-requests/${created.id}`)).status).toBe(404);
    expect((await other.get(ROUTE)).body.total).toBe(0);
    expect(await reviewTask(other, created.instanceId)).toBeUndefined();
    expect(await reviewTask(hospital, created.instanceId)).toBeUndefined();

    const task = await reviewTask(bureau, created.instanceId);
    expect(task).toBeDefined();
    expect((await hospital.post(`/api/tasks/${task!.id}/complete`, { outcome: 'approve' })).status).toBe(404);
    const seen = await bureau.get(`/api/change-requests/${created.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.request.fields).toEqual(expect.arrayContaining([
      { field: 'creditCode', title: '统一社会信用代码', from: '12420102MB00000016', to: NEW_CODE, fromText: '12420102MB00000016', toText: NEW_CODE }]));

    const approved = await decide(created, 'approve');
    expect(approved).toMatchObject({ status: 'approved', message: null });
    const after = await institution();
    expect(after.version).toBe(before.version + 1);
    expect(after.data).toEqual({ ...before.data, name: '江岸区人民医院（新院区）', creditCode: NEW_CODE });
    const audit = await ctx.engine.engine.db.knex('audit_events').where({ record_id: before.id, action: 'record.update' });
    expect(audit).toHaveLength(1);
    expect(ctx.engine.engine.db.dialect.parseJson(audit[0].details)).toMatchObject({ changeRequestId: created.id, changes: { creditCode: { to: NEW_CODE } } });
  });

  it('rejected: nothing changes and a new request may follow', async () => {
    const before = await institution();
    const created = await request({ legalRepresentative: '王五' });
    expect(await decide(created, 'reject')).toMatchObject({ id: created.id, status: 'rejected' });
    expect(await institution()).toEqual(before);
  });

  it('stale: the record changed after the request, so approval applies nothing and says to redo it', async () => {
    const created = await request({ legalRepresentative: '赵六' });
    const current = await institution();
    const edited = await hospital.put(`/api/data/institution/${current.id}`, { version: current.version, data: { ...current.data, phone: '027-85726001' } });
    expect(edited.status).toBe(200);
    const stale = await decide(created, 'approve');
    expect(stale.status).toBe('stale');
    expect(stale.message).toContain('重新提交');
    const after = await institution();
    expect(after.version).toBe(current.version + 1);
    expect(after.data.legalRepresentative).toBe(current.data.legalRepresentative);
    expect(after.data.phone).toBe('027-85726001');
    expect((await hospital.get(ROUTE)).body.items.map((r: { status: string }) => r.status)).toEqual(['stale', 'rejected', 'approved']);
  });

  it('withdrawn by the institution before review: the request ends and a new one may be made', async () => {
    const created = await request({ legalRepresentative: '钱七' });
    expect((await hospital.post(`/api/workflow/instances/${created.instanceId}/withdraw`, {})).status).toBe(200);
    expect(await reviewTask(bureau, created.instanceId)).toBeUndefined();
    expect((await hospital.get(`/api/change-requests/${created.id}`)).body.request.status).toBe('withdrawn');
    expect((await hospital.get(ROUTE)).body.items[0]).toMatchObject({ id: created.id, status: 'withdrawn' });
    const next = await request({ legalRepresentative: '钱七' });
    expect(next.status).toBe('pending');
  });
});
