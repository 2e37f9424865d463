import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { changeRequestClients, ROUTE, uscc } from './changeRequestKit.js';
type Request = { id: string; instanceId: string; status: string; baseVersion: number; reason: string; diff: Record<string, unknown>;
  sentBack: boolean; withdrawable: boolean; reviewComment: string | null };

/** send-back: the institution revises (rebased on the current record) or withdraws; the diagram of the review. */
describe.each(testDatabases())('institution change requests sent back (%s)', (_name, makeDatabase) => {
  const { clients, institution, openTask } = changeRequestClients(useTestEngine(makeDatabase));
  let hospital: HttpClient, bureau: HttpClient, other: HttpClient;
  beforeAll(() => { ({ hospital, bureau, other } = clients); });
  const requestOf = async (id: string) => (await hospital.get(`/api/change-requests/${id}`)).body.request as Request;
  const sentBack = async (data: Record<string, unknown>) => {
    const created = await hospital.post(ROUTE, { data, reason: '证照信息有误' });
    expect(created.status).toBe(201);
    const request = created.body.request as Request;
    const task = await openTask(bureau, request.instanceId);
    expect((await bureau.post(`/api/tasks/${task!.id}/complete`, { outcome: 'sendBack', comment: '请附上新证照的编号' })).status).toBe(200);
    return request;
  };
  const approve = async (request: Request) => {
    const task = await openTask(bureau, request.instanceId);
    expect(task?.nodeId).toBe('Task_BureauReview');
    expect((await bureau.post(`/api/tasks/${task!.id}/complete`, { outcome: 'approve', comment: '同意' })).status).toBe(200);
    return requestOf(request.id);
  };

  it('sent back: the institution sees why and revises; the diff is taken again against the record as it is now, and approval applies it', async () => {
    const request = await sentBack({ legalRepresentative: '张三' });
    const waiting = await requestOf(request.id);
    expect(waiting).toMatchObject({ status: 'pending', sentBack: true, withdrawable: true, reviewComment: '请附上新证照的编号' });
    expect(await openTask(bureau, request.instanceId)).toBeUndefined();
    expect(await openTask(hospital, request.instanceId)).toMatchObject({ nodeId: 'Task_Revise', outcomes: ['resubmit', 'withdraw'] });

    const current = await institution();
    const edited = await hospital.put(`/api/data/institution/${current.id}`, { version: current.version, data: { ...current.data, phone: '027-85726002' } });
    expect(edited.status).toBe(200);
    const revised = await hospital.put(`/api/change-requests/${request.id}`, { data: { legalRepresentative: '李四', name: '江岸区人民医院' }, reason: '法定代表人已变更，附任命文件' });
    expect(revised.status).toBe(200);
    expect(revised.body.request).toMatchObject({ status: 'pending', sentBack: false, withdrawable: false, baseVersion: current.version + 1,
      reason: '法定代表人已变更，附任命文件', diff: { legalRepresentative: { from: current.data.legalRepresentative, to: '李四' } } });
    expect(Object.keys(revised.body.request.diff)).toEqual(['legalRepresentative']);
    expect(await openTask(hospital, request.instanceId)).toBeUndefined();

    expect(await approve(request)).toMatchObject({ status: 'approved', reviewComment: '同意' });
    const after = await institution();
    expect(after.version).toBe(current.version + 2);
    expect(after.data).toMatchObject({ legalRepresentative: '李四', phone: '027-85726002' });
  });

  it('refuses a bad revision, by the route or by the task, and changes nothing; another institution gets 404', async () => {
    const request = await sentBack({ legalRepresentative: '王五' });
    const before = await requestOf(request.id);
    const record = await institution();
    const route = `/api/change-requests/${request.id}`;

    const badCode = await hospital.put(route, { data: { creditCode: '12420102MB00000017' }, reason: '证照更新' });
    expect(badCode.status).toBe(422);
    expect(badCode.body.errors.map((e: { path: string }) => e.path)).toEqual(['/creditCode']);
    const notReadOnly = await hospital.put(route, { data: { phone: '027-1' }, reason: '' });
    expect(notReadOnly.status).toBe(422);
    expect(notReadOnly.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/phone', '/reason']);
    expect((await hospital.put(route, { data: 'x' })).status).toBe(400);
    const task = await openTask(hospital, request.instanceId);
    const byTask = await hospital.post(`/api/tasks/${task!.id}/complete`,
      { outcome: 'resubmit', data: { revision: { data: { creditCode: '12420102MB00000017' }, reason: '更新' } } });
    expect(byTask.status).toBe(422);
    expect(byTask.body.errors[0].path).toBe('/creditCode');

    expect((await other.put(route, { data: { legalRepresentative: '赵六' }, reason: '更正' })).status).toBe(404);
    expect((await other.post(`${route}/withdraw`, {})).status).toBe(404);
    expect((await bureau.put(route, { data: { legalRepresentative: '赵六' }, reason: '更正' })).status).toBe(404);

    expect(await requestOf(request.id)).toEqual(before);
    expect(await institution()).toEqual(record);
    expect(await openTask(hospital, request.instanceId)).toMatchObject({ id: task!.id });

    const withdrawn = await hospital.post(`${route}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.request).toMatchObject({ status: 'withdrawn', sentBack: false, withdrawable: false });
    expect(await openTask(hospital, request.instanceId)).toBeUndefined();
    expect((await hospital.post(`${route}/withdraw`, {})).status).toBe(409);
    expect((await hospital.put(route, { data: { legalRepresentative: '赵六' }, reason: '更正' })).status).toBe(409);
    expect(await institution()).toEqual(record);
  });

  it('withdraws before review by the same route; not while it is under review after a revision (409)', async () => {
    const first = (await hospital.post(ROUTE, { data: { category: '14' }, reason: '更正' })).body.request as Request;
    expect(await requestOf(first.id)).toMatchObject({ withdrawable: true, fields: [{ field: 'category', title: '机构类别', to: '14', toText: '专科医院' }] });
    expect((await hospital.post(`/api/change-requests/${first.id}/withdraw`, {})).body.request.status).toBe('withdrawn');
    expect(await openTask(bureau, first.instanceId)).toBeUndefined();

    const second = await sentBack({ creditCode: uscc('12420102MB0000005') });
    expect((await hospital.put(`/api/change-requests/${second.id}`, { data: { creditCode: uscc('12420102MB0000006') }, reason: '更正' })).status).toBe(200);
    const again = await hospital.put(`/api/change-requests/${second.id}`, { data: { creditCode: uscc('12420102MB0000007') }, reason: '再改' });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].code).toBe('CHANGE_REQUEST_NOT_SENT_BACK');
    expect((await hospital.post(`/api/change-requests/${second.id}/withdraw`, {})).status).toBe(409);
    expect(await approve(second)).toMatchObject({ status: 'approved', diff: { creditCode: { to: uscc('12420102MB0000006') } } });
  });

  it('the diagram: the version the instance runs on, where it stands and what it passed; the history names who acted', async () => {
    const request = await sentBack({ legalRepresentative: '孙八' });
    const diagram = await hospital.get(`/api/workflow/instances/${request.instanceId}/diagram`);
    expect(diagram.status).toBe(200);
    expect(diagram.body).toMatchObject({ processKey: 'institutionChange', title: '机构信息修改审核', activeNodeIds: ['Task_Revise'] });
    expect(diagram.body.bpmn).toContain('<bpmndi:BPMNShape id="Task_Revise_di"');
    expect([...diagram.body.doneNodeIds].sort()).toEqual(['Start_Submitted', 'Task_BureauReview']);
    expect((await other.get(`/api/workflow/instances/${request.instanceId}/diagram`)).status).toBe(404);
    expect((await other.get('/api/workflow/instances/nope/diagram')).status).toBe(404);

    await hospital.put(`/api/change-requests/${request.id}`, { data: { legalRepresentative: '孙九' }, reason: '更正姓名' });
    const seen = (await bureau.get(`/api/workflow/instances/${request.instanceId}/diagram`)).body;
    expect(seen.activeNodeIds).toEqual(['Task_BureauReview']);
    expect([...seen.doneNodeIds].sort()).toEqual(['Service_Revise', 'Start_Submitted', 'Task_Revise']);

    const history = (await bureau.get(`/api/workflow/instances/${request.instanceId}/history`)).body;
    const reviewer = history.events.find((e: { outcome: string | null }) => e.outcome === 'sendBack').accountId;
    const initiator = history.events.find((e: { type: string }) => e.type === 'started').accountId;
    expect(history.people[reviewer]).toEqual({ nickname: expect.any(String), orgName: '江岸区卫生健康局' });
    expect(history.people[initiator]).toEqual({ nickname: expect.any(String), orgName: '江岸区人民医院' });
    expect((await hospital.post(`/api/change-requests/${request.id}/withdraw`, {})).status).toBe(409);
    await approve(request);
  });
});
