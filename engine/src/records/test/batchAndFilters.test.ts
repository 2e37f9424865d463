import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

describe.each(testDatabases())('batch creation and empty-value filters (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient;
  let district: HttpClient;

  beforeAll(async () => {
    [renmin, district] = [ctx.engine.client(), ctx.engine.client()];
    await Promise.all([renmin.firstLogin('jarmyy001'), district.firstLogin('jawjj0001')]);
  });

  it('creates all items or none, naming the item of each problem', async () => {
    const created = await renmin.post('/api/data/post/batch', { items: [{ data: { name: '主治医师', standardPost: 'P01' } }, { data: { name: '住院医师' } }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.items.map((i: { data: { name: string } }) => i.data.name)).toEqual(['主治医师', '住院医师']);

    const invalid = await renmin.post('/api/data/post/batch', { items: [{ data: { name: '护师' } }, { data: { code: 'x' } }] });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ code: 'required', path: '/items/1/data/name', item: 1 })]);
    const clash = await renmin.post('/api/data/department/batch', { items: [{ data: { name: '急诊科', category: '1', standardName: 'A20' } },
      { data: { name: '急诊科', category: '2' } }] });
    expect(clash.status).toBe(409);
    expect(clash.body.errors).toEqual([expect.objectContaining({ code: 'DUPLICATE', path: '/items/1/data/name', item: 1 })]);
    expect((await renmin.get('/api/data/post?q=护师')).body.total).toBe(0);
    expect((await renmin.get('/api/data/department?q=急诊科')).body.total).toBe(0);
  });

  it('refuses malformed batches and bureaus', async () => {
    for (const body of [{}, { items: [] }, { items: {} }, { items: [{ name: 'x' }] }, { items: Array.from({ length: 201 }, () => ({ data: { name: 'x' } })) }]) {
      const response = await renmin.post('/api/data/post/batch', body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(response.body.errors[0].message).toMatch(/items|第 1 条/);
    }
    expect((await district.post('/api/data/post/batch', { items: [{ data: { name: '医师' } }] })).status).toBe(403);
  });

  it('lists posts not mapped to a standard post with an empty filter value (映射管理)', async () => {
    const unmapped = await renmin.get('/api/data/post?standardPost=');
    expect(unmapped.status).toBe(200);
    expect(unmapped.body.items.map((i: { data: { name: string } }) => i.data.name)).toEqual(['住院医师']);
    const mapped = await renmin.get('/api/data/post?standardPost=P01');
    expect(mapped.body.items.map((i: { data: { name: string } }) => i.data.name)).toEqual(['主治医师']);
  });

  it('accepts 其他科室 as the standard name of a 科室 without a standard counterpart', async () => {
    const other = await renmin.post('/api/data/department', { data: { name: '健康管理中心', category: '1', standardName: 'D99' } });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
  });
});
