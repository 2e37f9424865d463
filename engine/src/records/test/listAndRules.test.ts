import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId, personData, residentId, useTestEngine, testDatabases, type HttpClient } from '../../testing/index.js';

describe.each(testDatabases())('lists, read-only fields, singletons, trees and audit (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let client: HttpClient;
  let neike: string;
  let waike: string;

  beforeAll(async () => {
    client = ctx.engine.client();
    await client.firstLogin('jarmyy001');
    [neike, waike] = [await departmentId(client, '内科'), await departmentId(client, '外科')];
    for (let i = 0; i < 25; i += 1) {
      const response = await client.post('/api/data/person', { data: personData({
        name: i % 5 === 0 ? `赵医生${i}` : `员工${i}`, idNumber: residentId('1991-01-01', String(100 + i * 2)),
        departmentId: i < 10 ? neike : waike }) });
      expect(response.status).toBe(201);
    }
  });

  it('pages on the server with the total of all matches', async () => {
    const first = await client.get('/api/data/person?page=1&pageSize=10');
    const third = await client.get('/api/data/person?page=3&pageSize=10');
    expect(first.body.total).toBe(25);
    expect(first.body.items).toHaveLength(10);
    expect(third.body.items).toHaveLength(5);
    expect(new Set([...first.body.items, ...third.body.items].map((i: { id: string }) => i.id)).size).toBe(15);
  });

  it('searches the declared fields with q: a name fragment or an ID number', async () => {
    const byName = await client.get(`/api/data/person?q=${encodeURIComponent('赵医生')}`);
    expect(byName.body.total).toBe(5);
    const idNumber = residentId('1991-01-01', '110');
    const byId = await client.get(`/api/data/person?q=${idNumber}`);
    expect(byId.body.items.map((i: { data: { idNumber: string } }) => i.data.idNumber)).toEqual([idNumber]);
    expect((await client.get('/api/data/person?q=%25')).body.total).toBe(0);
  });

  it('filters by a field value, combined with q', async () => {
    expect((await client.get(`/api/data/person?departmentId=${neike}`)).body.total).toBe(10);
    expect((await client.get(`/api/data/person?departmentId=${waike}&q=${encodeURIComponent('赵')}`)).body.total).toBe(3);
  });

  it('keeps read-only legal-entity fields of the institution unchanged', async () => {
    const list = await client.get('/api/data/institution');
    expect(list.body.total).toBe(1);
    const [institution] = list.body.items;
    const renamed = await client.put(`/api/data/institution/${institution.id}`, { version: institution.version,
      data: { ...institution.data, name: '改名医院', phone: '027-85726000' } });
    expect(renamed.status).toBe(422);
    expect(renamed.body.errors).toEqual([expect.objectContaining({ code: 'readOnly', path: '/name' })]);
    const { name: _omitted, ...withoutName } = institution.data;
    const ok = await client.put(`/api/data/institution/${institution.id}`, { version: institution.version,
      data: { ...withoutName, phone: '027-85726000', longitude: 114.3, latitude: 30.6 } });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ name: '江岸区人民医院', phone: '027-85726000' });
  });

  it('checks coordinates and the credit code', async () => {
    const [institution] = (await client.get('/api/data/institution')).body.items;
    const response = await client.put(`/api/data/institution/${institution.id}`, { version: institution.version,
      data: { ...institution.data, longitude: 200, latitude: 'north' } });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/latitude', '/longitude']);
  });

  it('allows one institution-information record per institution', async () => {
    const [institution] = (await client.get('/api/data/institution')).body.items;
    const second = await client.post('/api/data/institution', { data: institution.data });
    expect(second.status).toBe(409);
    expect(second.body.errors[0].code).toBe('DUPLICATE');
  });

  it('refuses a department tree cycle', async () => {
    const cardiology = await departmentId(client, '心血管内科');
    const current = await client.get(`/api/data/department/${neike}`);
    const cycle = await client.put(`/api/data/department/${neike}`, { version: current.body.version,
      data: { ...current.body.data, parentId: cardiology } });
    expect(cycle.status).toBe(422);
    expect(cycle.body.errors).toEqual([expect.objectContaining({ code: 'refCycle', path: '/parentId' })]);
  });

  it('audits every change with who, what and the changed fields', async () => {
    const post = await client.post('/api/data/post', { data: { name: '药剂岗' } });
    await client.put(`/api/data/post/${post.body.id}`, { version: 1, data: { name: '药剂岗', standardPost: 'P11' } });
    await client.delete(`/api/data/post/${post.body.id}`);
    const events = await ctx.engine.engine.db.knex('audit_events').where('record_id', post.body.id).orderBy('id');
    expect(events.map((e: { action: string }) => e.action)).toEqual(['record.create', 'record.update', 'record.delete']);
    const details = ctx.engine.engine.db.dialect.parseJson(events[1].details) as { changes: Record<string, unknown> };
    expect(details.changes).toEqual({ standardPost: { from: null, to: 'P11' } });
    expect(events.every((e: { account_id: string | null }) => e.account_id)).toBe(true);
  });
});
