import { beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

describe.each(testDatabases())('初始化部门 from a template (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let fresh: HttpClient; // a new institution without departments
  let renmin: HttpClient; // the demo institution, which has departments
  let district: HttpClient;

  beforeAll(async () => {
    await addOrganisation(ctx.engine.engine, { name: '江岸区新建医院', level: 'institution', parentName: '江岸区卫生健康局', username: 'jaxjyy001' });
    [fresh, renmin, district] = [ctx.engine.client(), ctx.engine.client(), ctx.engine.client()];
    await Promise.all([fresh.firstLogin('jaxjyy001'), renmin.firstLogin('jarmyy001'), district.firstLogin('jawjj0001')]);
  });

  it('lists the templates of departments with how many departments each creates', async () => {
    const list = await fresh.get('/api/templates/department');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual(expect.arrayContaining([
      expect.objectContaining({ key: 'department-general-hospital', title: '综合医院常用科室', count: 36 }),
      expect.objectContaining({ key: 'department-primary-care', title: '基层医疗卫生机构常用科室', count: 11 }),
    ]));
  });

  it('creates the whole tree at once, with children under their parents, once only', async () => {
    const applied = await fresh.post('/api/templates/department/department-general-hospital/apply', {});
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body).toEqual({ created: 36 });
    const all = (await fresh.get('/api/data/department?pageSize=100')).body;
    expect(all.total).toBe(36);
    const byName = new Map(all.items.map((d: { id: string; data: Record<string, unknown> }) => [d.data.name, d]));
    const neike = byName.get('内科') as { id: string };
    expect((byName.get('心血管内科') as { data: Record<string, unknown> }).data).toMatchObject({ parentId: neike.id, standardName: 'A03.04' });
    expect((await fresh.get(`/api/data/department?parentId=${neike.id}`)).body.total).toBe(6);

    const again = await fresh.post('/api/templates/department/department-primary-care/apply', {});
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([{ code: 'NOT_EMPTY', message: '本机构已有部门，不能再按模板初始化；请在现有部门上直接增加或修改。' }]);
    expect((await fresh.get('/api/data/department')).body.total).toBe(36);
  });

  it('refuses an institution that already has departments, an unknown template, and a bureau', async () => {
    expect((await renmin.post('/api/templates/department/department-primary-care/apply', {})).status).toBe(409);
    expect((await renmin.post('/api/templates/department/no-such/apply', {})).status).toBe(404);
    expect((await district.post('/api/templates/department/department-primary-care/apply', {})).status).toBe(403);
  });
});
