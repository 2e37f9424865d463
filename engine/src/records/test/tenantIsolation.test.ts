import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId, HttpClient, personData, useTestEngine, testDatabases } from '../../testing/index.js';

describe.each(testDatabases())('tenant isolation over HTTP (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient; // 江岸区人民医院
  let zhongxin: HttpClient; // 江岸区中心医院, a second institution
  let district: HttpClient; // 江岸区卫生健康局, the bureau above both
  let city: HttpClient;
  let personId: string;

  beforeAll(async () => {
    [renmin, zhongxin, district, city] = [ctx.engine.client(), ctx.engine.client(), ctx.engine.client(), ctx.engine.client()];
    await Promise.all([renmin.firstLogin('jarmyy001'), zhongxin.firstLogin('jazxyy001'), district.firstLogin('jawjj0001'),
      city.firstLogin('whwjw0001')]);
    const created = await renmin.post('/api/data/person', { data: personData({ departmentId: await departmentId(renmin, '内科') }) });
    expect(created.status).toBe(201);
    personId = created.body.id;
  });

  it('hides a person of 江岸区人民医院 from 江岸区中心医院: read, update and delete are 404', async () => {
    expect((await zhongxin.get(`/api/data/person/${personId}`)).status).toBe(404);
    expect((await zhongxin.put(`/api/data/person/${personId}`, { version: 1, data: personData() })).status).toBe(404);
    expect((await zhongxin.delete(`/api/data/person/${personId}`)).status).toBe(404);
    const list = await zhongxin.get('/api/data/person');
    expect(list.body).toEqual({ items: [], total: 0 });
  });

  it('lets the district and city bureaus above read it, but not write', async () => {
    for (const bureau of [district, city]) {
      const read = await bureau.get(`/api/data/person/${personId}`);
      expect(read.status).toBe(200);
      expect(read.body.data.name).toBe('张三');
      const list = await bureau.get('/api/data/person');
      expect(list.body.items.map((i: { id: string }) => i.id)).toContain(personId);
    }
    const write = await district.put(`/api/data/person/${personId}`, { version: 1, data: personData() });
    expect(write.status).toBe(403);
    expect((await district.post('/api/data/person', { data: personData() })).status).toBe(403);
  });

  it('shows each institution only its own departments', async () => {
    const own = await renmin.get('/api/data/department?pageSize=100');
    const other = await zhongxin.get('/api/data/department?pageSize=100');
    const ids = new Set(own.body.items.map((i: { id: string }) => i.id));
    expect(own.body.total).toBeGreaterThan(0);
    expect(other.body.items.some((i: { id: string }) => ids.has(i.id))).toBe(false);
    const bureau = await district.get('/api/data/department?pageSize=100');
    expect(bureau.body.total).toBe(own.body.total + other.body.total);
  });

  it('refuses a reference to another institution\'s department as if it did not exist', async () => {
    const foreign = await departmentId(zhongxin, '外科');
    const response = await renmin.post('/api/data/person', { data: personData({ departmentId: foreign, idNumber: '11010519491231002X' }) });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ code: 'ref', path: '/departmentId' })]);
  });

  it('answers 404, not 403, for an unknown record id', async () => {
    expect((await renmin.get('/api/data/person/01900000-0000-7000-8000-000000000000')).status).toBe(404);
  });
});
