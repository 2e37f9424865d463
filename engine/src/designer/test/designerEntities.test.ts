import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId, personData, residentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { dataSheet, headers, loadWorkbook, template } from '../../imports/test/workbooks.js';

const base = (kind: string, key: string) => `/api/designer/definitions/${kind}/${key}`;
type Entity = { schema: { properties: Record<string, unknown>; required: string[] }; uiSchema: Record<string, unknown> } & Record<string, unknown>;

/** The person entity with one more field (optional unless `required`), listed in the form's order. */
function withField(person: Entity, required = false): Entity {
  return { ...person,
    schema: { ...person.schema, properties: { ...person.schema.properties, wechat: { type: 'string', title: '微信号', maxLength: 50 } },
      required: required ? [...person.schema.required, 'wechat'] : person.schema.required },
    uiSchema: { ...person.uiSchema, 'ui:order': [...(person.uiSchema['ui:order'] as string[]), 'wechat'] } };
}

describe.each(testDatabases())('designer: entity forms (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let admin: HttpClient;
  let clerk: HttpClient;
  let person: Entity;

  beforeAll(async () => {
    [admin, clerk] = [ctx.engine.client(), ctx.engine.client()];
    await Promise.all([admin.firstLogin('sysadmin01'), clerk.firstLogin('jarmyy001')]);
    const department = await departmentId(clerk, '内科');
    for (const [name, sequence] of [['张三', '123'], ['李四', '124']] as const) {
      expect((await clerk.post('/api/data/person', { data: personData({ name, idNumber: residentId('1990-05-17', sequence), departmentId: department }) })).status).toBe(201);
    }
    person = (await admin.get(base('entity', 'person'))).body.inForce.content;
  });

  it('counts the stored records a draft would invalidate: none for an optional field, every one for a new required field', async () => {
    const optional = await admin.post(`${base('entity', 'person')}/impact`, { content: withField(person) });
    expect(optional.status, JSON.stringify(optional.body)).toBe(200);
    expect(optional.body).toEqual({ total: 2, invalid: 0, examples: [] });
    const required = await admin.post(`${base('entity', 'person')}/impact`, { content: withField(person, true) });
    expect(required.body).toMatchObject({ total: 2, invalid: 2 });
    expect(required.body.examples).toHaveLength(2);
    expect(required.body.examples[0]).toMatchObject({ orgName: '江岸区人民医院', messages: [expect.stringContaining('微信号')] });
    const narrowed = { ...person, schema: { ...person.schema, properties: { ...person.schema.properties,
      employmentStatus: { ...(person.schema.properties.employmentStatus as object), enum: ['2'] } } } };
    expect((await admin.post(`${base('entity', 'person')}/impact`, { content: narrowed })).body).toMatchObject({ total: 2, invalid: 2 });
  });

  it('refuses a form whose order leaves the new field out, then publishes it: form, import template and writes take the field at once', async () => {
    const unordered = { ...withField(person), uiSchema: person.uiSchema };
    expect((await admin.post('/api/designer/validate', { content: unordered })).body.problems).toEqual([{ path: '/uiSchema/ui:order',
      message: '字段「wechat」没有列入 ui:order，表单无法显示：请把它加入 ui:order（或加入 "*" 代表其余字段）' }]);

    expect((await admin.put(`${base('entity', 'person')}/draft`, { content: withField(person) })).body.problems).toEqual([]);
    const published = await admin.post(`${base('entity', 'person')}/publish`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(201);

    const form = await clerk.get('/api/entities/person');
    expect(form.body.version).toBe(published.body.version);
    expect(form.body.schema.properties.wechat).toMatchObject({ title: '微信号' });
    expect(headers(dataSheet(await loadWorkbook(await template(clerk, 'person'))))).toContain('微信号');
    const created = await clerk.post('/api/data/person', { data: personData({ name: '王五', idNumber: residentId('1990-05-17', '125'),
      departmentId: await departmentId(clerk, '内科'), wechat: 'wangwu_1990' }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await clerk.get(`/api/data/person/${created.body.id}`)).body.data.wechat).toBe('wangwu_1990');
  });
});
