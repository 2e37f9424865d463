import { beforeAll, describe, expect, it } from 'vitest';
import { fill, importFile } from '../../imports/test/workbooks.js';
import { readyPerson, submit } from '../../preRegistration/test/fixture.js';
import { addOrganisation, departmentId, JPEG_1X1, personData, PNG_1X1, residentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

interface Event { action: string; entity: string | null; recordId: string | null; username: string | null; details: Record<string, any> }

/** Issue 9.5: reads of a person's full record, exports, permission changes and the log's own reading are audited; scope. */
describe.each(testDatabases())('audit completeness (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let main: HttpClient;
  let district: HttpClient;
  let personId: string;
  const idNumber = residentId('1981-03-09', '335');

  beforeAll(async () => {
    [main, district] = [ctx.engine.client(), ctx.engine.client()];
    await main.firstLogin('jarmyy001');
    await district.firstLogin('jawjj0001');
    const person = await main.post('/api/data/person', { data: personData({ idNumber, departmentId: await departmentId(main, '内科') }) });
    expect(person.status).toBe(201);
    personId = person.body.id;
  });

  const events = async (client: HttpClient, action: string) =>
    (await client.get(`/api/audit?pageSize=200&action=${action}`)).body.items as Event[];

  it('records every read of a person\'s full record, not list reads of other entities', async () => {
    expect((await main.get(`/api/data/person/${personId}`)).status).toBe(200);
    const reads = (await events(district, 'record.read')).filter((e) => e.recordId === personId);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ entity: 'person', username: 'jarmyy001' });
    const department = (await main.get('/api/data/department?pageSize=1')).body.items[0];
    expect((await main.get(`/api/data/department/${department.id}`)).status).toBe(200);
    expect((await events(district, 'record.read')).some((e) => e.recordId === department.id)).toBe(false);
  });

  it('records reads of a person\'s data elsewhere: the transfer lookup and a pre-registration submission', async () => {
    const zhongxin = ctx.engine.client();
    await zhongxin.firstLogin('jazxyy001');
    const found = await zhongxin.post('/api/transfers/lookup', { name: '张三', documentType: '01', idNumber });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    const [lookup] = await events(district, 'transfer.lookup');
    expect(lookup).toMatchObject({ username: 'jazxyy001', details: { name: '张三', idNumber: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}` } });

    const submission = await submit(main, [await readyPerson(main, '王审计')]);
    expect((await district.get(`/api/pre-registration/submissions/${submission.id}`)).status).toBe(200);
    expect(await events(district, 'preRegistration.read')).toEqual([expect.objectContaining({ username: 'jawjj0001', recordId: submission.id })]);
  });

  it('records changes of a real-name application field by field, the document number masked', async () => {
    const role = await main.post('/api/roles', { name: '实名测试', permissions: ['hr.person.view'] });
    await main.post('/api/accounts', { roleId: role.body.id, username: 'jarmysm001', nickname: '实名测试', mobile: '13800138000' });
    const applicant = ctx.engine.client();
    await applicant.firstLogin('jarmysm001');
    const applicantId = residentId('1992-08-08', '246');
    const form = async (mobile: string) => ({ data: { name: '李四', documentType: '01', idNumber: applicantId, mobile,
      frontImageId: (await applicant.upload('/api/real-name/files', '正面.jpg', JPEG_1X1)).body.id,
      backImageId: (await applicant.upload('/api/real-name/files', '反面.png', PNG_1X1)).body.id } });
    expect((await applicant.put('/api/real-name', await form('13800138000'))).status).toBe(200);
    const saved = await applicant.put('/api/real-name', { data: { ...(await applicant.get('/api/real-name')).body.application.data, mobile: '13900139000' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const [second, first] = (await events(main, 'realName.save')).filter((e) => e.username === 'jarmysm001');
    expect(first!.details.changes.idNumber).toEqual({ from: null, to: `${applicantId.slice(0, 6)}********${applicantId.slice(-4)}` });
    expect(second!.details.changes).toEqual({ mobile: { from: '13800138000', to: '13900139000' } });
    const stored = JSON.stringify(await ctx.engine.engine.db.knex('audit_events').where('action', 'realName.save').select('details'));
    expect(stored).not.toContain(applicantId);
  });

  it('records exports with their filters, ID numbers in the filters masked', async () => {
    const exported = await main.download(`/api/exports/person?q=${idNumber}`);
    expect(exported.status).toBe(200);
    const [row] = (await events(district, 'record.export')).filter((e) => e.username === 'jarmyy001');
    expect(row).toMatchObject({ entity: 'person', details: { query: { q: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}` } } });
    const stored = JSON.stringify(await ctx.engine.engine.db.knex('audit_events').where('action', 'record.export').select('details'));
    expect(stored).not.toContain(idNumber);
    const year = String(ctx.engine.clock.now().getFullYear());
    expect((await district.download(`/api/pre-registration/${year}/accepted/export`)).status).toBe(200);
    expect(await events(district, 'preRegistration.export')).toEqual([expect.objectContaining({ username: 'jawjj0001', details: expect.objectContaining({ year }) })]);
  });

  it('records each record an overwrite import changes, field by field, with its job', async () => {
    const exported = await main.download(`/api/exports/person?q=${idNumber}`);
    const changed = await fill(exported.bytes, [{ 手机号码: '13912345678' }]);
    const imported = await importFile(main, 'person', changed, true);
    expect(imported.body.job, JSON.stringify(imported.body)).toMatchObject({ status: 'succeeded', imported: 1 });
    const updates = (await events(district, 'record.update')).filter((e) => e.recordId === personId);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.details).toEqual({ job: imported.body.job.id, changes: { mobile: { from: null, to: '13912345678' } } });
  });

  it('records permission changes with before and after: roles, the role of an account, its status', async () => {
    const role = await main.post('/api/roles', { name: '档案室', permissions: ['hr.person.view'] });
    const other = await main.post('/api/roles', { name: '档案室二', permissions: ['hr.person.view'] });
    await main.put(`/api/roles/${role.body.id}`, { name: '档案室', permissions: ['hr.person.view', 'hr.person.update'] });
    const account = await main.post('/api/accounts', { roleId: role.body.id, username: 'jarmydas01', nickname: '档案室' });
    expect(account.status).toBe(201);
    expect((await main.put(`/api/accounts/${account.body.id}`, { roleId: other.body.id, status: 'disabled' })).status).toBe(200);
    expect((await main.delete(`/api/roles/${role.body.id}`)).status).toBe(204);
    const [update] = await events(main, 'role.update');
    expect(update!.details).toMatchObject({ before: ['hr.person.view'], added: ['hr.person.update'], removed: [] });
    expect([...update!.details.after].sort()).toEqual(['hr.person.update', 'hr.person.view']);
    const [deleted] = await events(main, 'role.delete');
    expect(deleted!.details.role).toBe('档案室');
    expect([...deleted!.details.permissions].sort()).toEqual(['hr.person.update', 'hr.person.view']);
    const [changed] = await events(main, 'account.update');
    expect(changed!.details.changes).toEqual({ roleId: { from: role.body.id, to: other.body.id }, status: { from: 'active', to: 'disabled' } });
  });

  it('audits the reading of the log itself, and lets no one change it through the API', async () => {
    await district.get('/api/audit?action=record.&pageSize=10');
    const [read] = await events(district, 'audit.read');
    expect(read).toMatchObject({ username: 'jawjj0001', details: { action: 'record.', pageSize: '10' } });
    const id = (await district.get('/api/audit?pageSize=1')).body.items[0].id as number;
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      for (const path of ['/api/audit', `/api/audit/${id}`]) {
        expect([404, 405], `${method} ${path}`).toContain((await district.request(method, path, method === 'DELETE' ? undefined : {})).status);
      }
    }
    expect(await ctx.engine.engine.db.knex('audit_events').where('id', id).first()).toBeDefined();
  });

  it('refuses the log to an account without 审计日志 (403), and shows a bureau nothing of another bureau\'s subtree', async () => {
    const role = await main.post('/api/roles', { name: '人事查询', permissions: ['hr.person.view'] });
    const account = await main.post('/api/accounts', { roleId: role.body.id, username: 'jarmyrc001', nickname: '人事查询' });
    await main.post(`/api/accounts/${account.body.id}/reset-password`, { password: 'Temp#7593!y', confirmPassword: 'Temp#7593!y' });
    // Real-name verified (as after an approval), so that only the missing permission stands in the way.
    await ctx.engine.engine.db.knex('accounts').where('id', account.body.id).update({ real_name_status: 'approved' });
    const clerk = ctx.engine.client();
    await clerk.login('jarmyrc001', 'Temp#7593!y');
    await clerk.post('/api/auth/password', { oldPassword: 'Temp#7593!y', newPassword: 'Hosp#2024!x', confirmPassword: 'Hosp#2024!x' });
    const refused = await clerk.get('/api/audit');
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].code).toBe('FORBIDDEN');
    expect(refused.body.errors[0].message).toMatch(/[\u4e00-\u9fa5]/);

    await addOrganisation(ctx.engine.engine, { name: '江汉区卫生健康局', level: 'district', parentName: '武汉市卫生健康委员会', username: 'jhwjj0001' });
    const sibling = ctx.engine.client();
    await sibling.firstLogin('jhwjj0001');
    const seen = (await sibling.get('/api/audit?pageSize=200')).body.items as Event[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => e.username === 'jhwjj0001')).toBe(true);
    expect((await sibling.get('/api/audit?pageSize=200&action=record.read')).body.total).toBe(0);
    const city = ctx.engine.client();
    await city.firstLogin('whwjw0001');
    expect((await events(city, 'record.read')).some((e) => e.recordId === personId)).toBe(true);
  });
});
