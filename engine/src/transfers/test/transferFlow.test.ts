import { beforeAll, describe, expect, it } from 'vitest';
import { recordLocks } from '../../records/index.js';
import { addOrganisation, departmentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { applyFor, identityOf, openTask, review, staffMember, type StaffMember } from './transferFixture.js';

const paths = (body: { errors: Array<{ path?: string }> }) => body.errors.map((e) => e.path).sort();

describe.each(testDatabases())('transfer-in applications (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  const clients = {} as Record<'renmin' | 'zhongxin' | 'bureau' | 'otherInstitution' | 'otherBureau', HttpClient>;
  let li: StaffMember;
  const detail = async (client: HttpClient, id: string) => (await client.get(`/api/transfers/${id}`)).body.transfer;

  beforeAll(async () => {
    const { engine } = ctx.engine;
    await addOrganisation(engine, { name: '江岸区妇幼保健院', level: 'institution', parentName: '江岸区卫生健康局', username: 'jafybjy01' });
    await addOrganisation(engine, { name: '江汉区卫生健康局', level: 'district', parentName: '武汉市卫生健康委员会', username: 'jhwjj0001' });
    const logins = { renmin: 'jarmyy001', zhongxin: 'jazxyy001', bureau: 'jawjj0001', otherInstitution: 'jafybjy01', otherBureau: 'jhwjj0001' };
    for (const [who, username] of Object.entries(logins)) {
      clients[who as keyof typeof clients] = ctx.engine.client();
      await clients[who as keyof typeof clients].firstLogin(username);
    }
    li = await staffMember(clients.renmin, '李四', '159', '110420100000000000000011');
  });

  it('finds only an exact match, names its institution and refuses clearly, storing nothing', async () => {
    const { renmin, zhongxin } = clients;
    const found = await zhongxin.post('/api/transfers/lookup', identityOf(li));
    expect(found.status).toBe(200);
    expect(found.body.person).toEqual({ ...identityOf(li), orgId: expect.any(String), orgName: '江岸区人民医院' });
    const wrongName = await zhongxin.post('/api/transfers/lookup', { ...identityOf(li), name: '李斯' });
    expect(wrongName.status).toBe(404);
    expect(wrongName.body.errors[0].message).toContain('没有找到');
    expect((await renmin.post('/api/transfers/lookup', identityOf(li))).body.errors[0].code).toBe('ALREADY_HERE');
    expect(paths((await zhongxin.post('/api/transfers', { name: ' ', reason: '' })).body)).toEqual(['/documentType', '/idNumber', '/name']);
    const foreignDepartment = await zhongxin.post('/api/transfers', { ...identityOf(li), departmentId: await departmentId(renmin, '外科'), reason: '调动' });
    expect(foreignDepartment.status).toBe(422);
    expect(paths(foreignDepartment.body)).toEqual(['/departmentId']);
    expect((await zhongxin.get('/api/transfers/in')).body).toEqual({ items: [], total: 0 });
  });

  it('refuses a person the receiving institution already holds the ID of, and a person locked by pre-registration', async () => {
    const { renmin, zhongxin } = clients;
    const twin = await staffMember(renmin, '周八', '171', '110420100000000000000012');
    await zhongxin.post('/api/data/person', { data: { ...identityOf(twin), name: '周捌', sex: '1', birthDate: '1990-05-17', nationality: 'CHN',
      employmentStatus: '1', departmentId: await departmentId(zhongxin, '内科') } });
    expect((await zhongxin.post('/api/transfers/lookup', identityOf(twin))).body.errors[0]).toMatchObject({ code: 'ID_TAKEN', path: '/idNumber' });
    const locked = await staffMember(renmin, '吴九', '193', '110420100000000000000013');
    await recordLocks.take(ctx.engine.engine.db.knex, [{ recordId: locked.id, holder: 'test', code: 'CANDIDATE_LOCKED', message: '该人员已上报预报名。' }], new Date().toISOString());
    const refused = await zhongxin.post('/api/transfers', { ...identityOf(locked), departmentId: await departmentId(zhongxin, '外科'), reason: '调动' });
    expect(refused.status).toBe(423);
    expect(refused.body.errors[0].message).toContain('该人员已上报预报名');
  });

  it('is seen by both institutions and the bureau above only; the review is the releasing main account\'s alone', async () => {
    const { renmin, zhongxin, bureau, otherInstitution, otherBureau } = clients;
    const transfer = await applyFor(zhongxin, li);
    expect(transfer).toMatchObject({ status: 'pending', stage: 'review' });
    expect((await zhongxin.post('/api/transfers', { ...identityOf(li), departmentId: await departmentId(zhongxin, '外科'), reason: '再次' })).body.errors[0].code)
      .toBe('TRANSFER_PENDING');
    for (const client of [renmin, zhongxin, bureau]) expect((await client.get(`/api/transfers/${transfer.id}`)).status).toBe(200);
    for (const client of [otherInstitution, otherBureau]) expect((await client.get(`/api/transfers/${transfer.id}`)).status).toBe(404);
    expect((await renmin.get('/api/transfers/out')).body.items.map((t: { id: string }) => t.id)).toEqual([transfer.id]);
    expect((await bureau.get('/api/transfers/in')).body.total).toBe(1);
    expect((await otherBureau.get('/api/transfers/in')).body.total).toBe(0);

    const task = await openTask(renmin, transfer.instanceId);
    expect(task).toMatchObject({ form: { view: 'transferReview', entity: 'person' }, data: { personName: '李四' } });
    expect(await openTask(zhongxin, transfer.instanceId)).toBeUndefined();
    expect((await zhongxin.post(`/api/tasks/${task!.id}/complete`, { outcome: 'approve' })).status).toBe(404);
    expect((await bureau.post(`/api/tasks/${task!.id}/complete`, { outcome: 'approve' })).status).toBe(404);

    await review(renmin, transfer.instanceId, 'reject', '该人员尚在服务期内');
    expect(await detail(zhongxin, transfer.id)).toMatchObject({ status: 'rejected', message: '该人员尚在服务期内', stage: null });
    expect((await renmin.get(`/api/data/person/${li.id}`)).status).toBe(200);
  });

  it('sent back: the applicant revises (checked) and resubmits, and cannot pick the approver', async () => {
    const { renmin, zhongxin } = clients;
    const transfer = await applyFor(zhongxin, li);
    await review(renmin, transfer.instanceId, 'sendBack', '请写明调入岗位');
    const sentBack = await detail(zhongxin, transfer.id);
    expect(sentBack).toMatchObject({ status: 'pending', stage: 'revise' });
    expect(sentBack.reviseTaskId).toEqual(expect.any(String));
    const zhongxinOrg = (await zhongxin.get('/api/auth/me')).body.user.orgId;
    const hijack = await zhongxin.post(`/api/tasks/${sentBack.reviseTaskId}/complete`, { outcome: 'resubmit', data: { releasingOrgId: zhongxinOrg } });
    expect(hijack.status).toBe(422);
    expect(hijack.body.errors[0]).toMatchObject({ code: 'ASSIGNMENT_DATA', path: '/data/releasingOrgId' });
    const bad = await zhongxin.post(`/api/transfers/${transfer.id}/resubmit`, { departmentId: await departmentId(renmin, '儿科'), reason: '调入儿科' });
    expect(bad.status).toBe(422);
    expect(await detail(zhongxin, transfer.id)).toMatchObject({ stage: 'revise', departmentName: '外科' });
    const pediatrics = await departmentId(zhongxin, '儿科');
    const resubmitted = await zhongxin.post(`/api/transfers/${transfer.id}/resubmit`, { departmentId: pediatrics, reason: '调入儿科住院医师岗位' });
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    expect(resubmitted.body.transfer).toMatchObject({ stage: 'review', departmentName: '儿科', reason: '调入儿科住院医师岗位', reviseTaskId: null });
    await review(renmin, transfer.instanceId, 'approve');
    expect((await zhongxin.get(`/api/data/person/${li.id}`)).body.data.departmentId).toBe(pediatrics);
    expect((await detail(renmin, transfer.id)).events.map((e: { outcome: string | null }) => e.outcome).filter(Boolean))
      .toEqual(['sendBack', 'resubmit', 'approve']);
  });

  it('withdrawn by the applicant while nobody acted, or after a send-back; not by anyone else', async () => {
    const { renmin, zhongxin } = clients;
    const zhou = await staffMember(renmin, '郑十', '211', '110420100000000000000014');
    const first = await applyFor(zhongxin, zhou);
    expect((await renmin.post(`/api/transfers/${first.id}/withdraw`, {})).status).toBe(404);
    const withdrawn = await zhongxin.post(`/api/transfers/${first.id}/withdraw`, {});
    expect(withdrawn.body.transfer).toMatchObject({ status: 'withdrawn', stage: null });
    expect(await openTask(renmin, first.instanceId)).toBeUndefined();
    expect((await zhongxin.post(`/api/transfers/${first.id}/withdraw`, {})).status).toBe(409);

    const second = await applyFor(zhongxin, zhou);
    await review(renmin, second.instanceId, 'sendBack', '材料不全');
    expect((await zhongxin.post(`/api/workflow/instances/${second.instanceId}/withdraw`, {})).status).toBe(409);
    expect((await zhongxin.post(`/api/transfers/${second.id}/withdraw`, {})).body.transfer).toMatchObject({ status: 'withdrawn' });
    expect((await zhongxin.get('/api/transfers/in?status=withdrawn')).body.total).toBe(2);
    expect((await zhongxin.get(`/api/transfers/in?q=${encodeURIComponent('郑')}`)).body.total).toBe(2);
    expect((await zhongxin.get(`/api/transfers/in?q=${zhou.idNumber.toLowerCase()}`)).body.total).toBe(2);
    // Stored encrypted: an ID number is found whole (its blind index), never by a part of it.
    expect((await zhongxin.get(`/api/transfers/in?q=${zhou.idNumber.slice(-6)}`)).body.total).toBe(0);
    expect((await zhongxin.get('/api/transfers/in?status=nonsense')).status).toBe(400);
    expect((await renmin.get(`/api/data/person/${zhou.id}`)).status).toBe(200);
  });
});
