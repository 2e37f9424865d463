import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId, personData, residentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { dataSheet, fill, importFile, loadWorkbook, rowsOf, template } from '../../imports/test/workbooks.js';

const base = (kind: string, key: string) => `/api/designer/definitions/${kind}/${key}`;
type Entity = { schema: { properties: Record<string, unknown> }; uiSchema: Record<string, Record<string, unknown> | string[]> } & Record<string, unknown>;

const HIDDEN_STANDARD_NAME = '「科室标准名称」只在「科室（部门）类别」为「科室（部门）」时填写，请清空该项。';
const HIDDEN_LEAVE_REASON = '「离岗原因」只在「在职状态」不为「在岗人员」时填写，请清空该项。';

/** `entity` with `ui:visibleWhen` of `field` set to `condition`. */
const visibleWhen = (entity: Entity, field: string, condition: string): Entity => ({ ...entity,
  uiSchema: { ...entity.uiSchema, [field]: { ...(entity.uiSchema[field] as object | undefined), 'ui:visibleWhen': condition } } });

/** Person with 离岗原因: shown (and allowed) only when the person is not 在岗人员. */
const withLeaveReason = (person: Entity): Entity => visibleWhen({ ...person,
  schema: { ...person.schema, properties: { ...person.schema.properties, leaveReason: { type: 'string', title: '离岗原因', maxLength: 50 } } },
  uiSchema: { ...person.uiSchema, 'ui:order': [...(person.uiSchema['ui:order'] as string[]), 'leaveReason'] } }, 'leaveReason', 'employmentStatus != "1"');

describe.each(testDatabases())('conditional visibility of fields (ui:visibleWhen) (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let admin: HttpClient;
  let clerk: HttpClient;
  let department: Entity;
  let neike: string;

  beforeAll(async () => {
    [admin, clerk] = [ctx.engine.client(), ctx.engine.client()];
    await Promise.all([admin.firstLogin('sysadmin01'), clerk.firstLogin('jarmyy001')]);
    department = (await admin.get(base('entity', 'department'))).body.inForce.content;
    neike = await departmentId(clerk, '内科');
  });

  it('refuses to publish a condition that does not parse or names a field the entity lacks, with the reason at its path', async () => {
    const broken = await admin.post('/api/designer/validate', { content: visibleWhen(department, 'standardName', 'category = ') });
    expect(broken.body.problems).toEqual([{ path: '/uiSchema/standardName/ui:visibleWhen', message: expect.stringMatching(/^显示条件有误：FEEL/) }]);
    const unknown = await admin.post('/api/designer/validate', { content: visibleWhen(department, 'standardName', 'kind = "1"') });
    expect(unknown.body.problems).toEqual([{ path: '/uiSchema/standardName/ui:visibleWhen',
      message: '显示条件使用了未知的字段「kind」，只能使用本表单的字段' }]);

    await admin.put(`${base('entity', 'department')}/draft`, { content: visibleWhen(department, 'standardName', 'kind = "1"') });
    const refused = await admin.post(`${base('entity', 'department')}/publish`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ path: '/uiSchema/standardName/ui:visibleWhen' });
    expect((await admin.get(base('entity', 'department'))).body.versions).toHaveLength(1);
    expect((await admin.delete(`${base('entity', 'department')}/draft`)).status).toBe(204);
  });

  it('refuses a value in a hidden field on create, batch and update, storing nothing; takes it while the condition holds', async () => {
    const functional = await clerk.post('/api/data/department', { data: { name: '财务科', category: '2', standardName: 'A10' } });
    expect(functional.status).toBe(422);
    expect(functional.body.errors).toEqual([{ code: 'hiddenField', path: '/standardName', message: HIDDEN_STANDARD_NAME }]);
    const batch = await clerk.post('/api/data/department/batch', { items: [{ data: { name: '财务科', category: '2', standardName: 'A10' } }] });
    expect(JSON.stringify(batch.body)).toContain(HIDDEN_STANDARD_NAME);
    expect((await clerk.get(`/api/data/department?q=${encodeURIComponent('财务科')}`)).body.total).toBe(0);

    const clinical = await clerk.post('/api/data/department', { data: { name: '眼科', category: '1', standardName: 'A10' } });
    expect(clinical.status, JSON.stringify(clinical.body)).toBe(201);
    const moved = await clerk.put(`/api/data/department/${clinical.body.id}`, { version: clinical.body.version,
      data: { ...clinical.body.data, category: '2' } });
    expect(moved.status).toBe(422);
    expect(moved.body.errors).toEqual([expect.objectContaining({ path: '/standardName', message: HIDDEN_STANDARD_NAME })]);
    const cleared = await clerk.put(`/api/data/department/${clinical.body.id}`, { version: clinical.body.version,
      data: { name: '眼科', category: '2' } });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect((await clerk.get(`/api/data/department/${clinical.body.id}`)).body.data).toEqual(expect.not.objectContaining({ standardName: expect.anything() }));
  });

  it('applies a newly published condition to imports: the row with a hidden value fails with the message in the report', async () => {
    const person = (await admin.get(base('entity', 'person'))).body.inForce.content as Entity;
    expect((await admin.put(`${base('entity', 'person')}/draft`, { content: withLeaveReason(person) })).body.problems).toEqual([]);
    expect((await admin.post(`${base('entity', 'person')}/publish`, {})).status).toBe(201);

    const direct = await clerk.post('/api/data/person', { data: personData({ name: '赵六', idNumber: residentId('1990-05-17', '321'),
      departmentId: neike, employmentStatus: '1', leaveReason: '进修' }) });
    expect(direct.status).toBe(422);
    expect(direct.body.errors).toEqual([expect.objectContaining({ path: '/leaveReason', message: HIDDEN_LEAVE_REASON })]);

    const row = (name: string, sequence: string, status: string) => ({ 机构名称: '江岸区人民医院', 姓名: name, 证件类型: '居民身份证',
      证件号码: residentId('1985-01-01', sequence), '国籍/地区': '中国', 所在部门: '内科', 在职状态: status, 离岗原因: '长期病休' });
    const file = await fill(await template(clerk, 'person'), [row('张三', '123', '在岗人员'), row('李四', '124', '离岗（停薪留职/长期病休）')]);
    const done = await importFile(clerk, 'person', file);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.job).toMatchObject({ status: 'partial', total: 2, imported: 1, failed: 1 });
    const report = rowsOf(dataSheet(await loadWorkbook((await clerk.download(`/api/imports/jobs/${done.body.job.id}/error-report`)).bytes)));
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ 姓名: '张三' });
    expect(String(report[0]!['错误原因'])).toContain(HIDDEN_LEAVE_REASON);
    const li = (await clerk.get(`/api/data/person?q=${encodeURIComponent('李四')}`)).body.items[0];
    expect(li.data).toMatchObject({ employmentStatus: '5', leaveReason: '长期病休' });
  });
});
