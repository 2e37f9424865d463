import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId, personData, residentId, useTestEngine, testDatabases, type HttpClient } from '../../testing/index.js';

describe.each(testDatabases())('conflicts over HTTP (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient;
  let zhongxin: HttpClient;

  beforeAll(async () => {
    [renmin, zhongxin] = [ctx.engine.client(), ctx.engine.client()];
    await renmin.firstLogin('jarmyy001');
    await zhongxin.firstLogin('jazxyy001');
  });

  it('answers 409 STALE_VERSION to an update that carries an old version', async () => {
    const created = await renmin.post('/api/data/post', { data: { name: '临床医师' } });
    const first = await renmin.put(`/api/data/post/${created.body.id}`, { version: 1, data: { name: '临床医师', code: 'P01' } });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await renmin.put(`/api/data/post/${created.body.id}`, { version: 1, data: { name: '住院医师' } });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].code).toBe('STALE_VERSION');
    expect((await renmin.get(`/api/data/post/${created.body.id}`)).body).toMatchObject({ version: 2, data: { name: '临床医师', code: 'P01' } });
  });

  it('lets exactly one of several parallel updates of the same version win', async () => {
    const created = await renmin.post('/api/data/post', { data: { name: '护理岗' } });
    const attempts = await Promise.all(Array.from({ length: 8 }, (_, i) =>
      renmin.put(`/api/data/post/${created.body.id}`, { version: 1, data: { name: `护理岗${i}` } })));
    expect(attempts.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect((await renmin.get(`/api/data/post/${created.body.id}`)).body.version).toBe(2);
  });

  it('refuses to delete a department with staff, saying how many people must be moved first', async () => {
    const dept = await renmin.post('/api/data/department', { data: { name: '急诊科', category: '1', standardName: 'A20' } });
    const other = await departmentId(renmin, '外科');
    const people = [];
    for (const [i, seq] of ['201', '203'].entries()) {
      const person = await renmin.post('/api/data/person', { data: personData({ name: `急诊${i}`, departmentId: dept.body.id,
        idNumber: residentId('1992-02-02', seq) }) });
      expect(person.status).toBe(201);
      people.push(person.body);
    }
    const refused = await renmin.delete(`/api/data/department/${dept.body.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([expect.objectContaining({ code: 'REFERENCED', count: 2 })]);
    expect(refused.body.errors[0].message).toContain('2 名人员');
    for (const person of people) {
      const moved = await renmin.put(`/api/data/person/${person.id}`, { version: person.version, data: { ...person.data, departmentId: other } });
      expect(moved.status).toBe(200);
    }
    expect((await renmin.delete(`/api/data/department/${dept.body.id}`)).status).toBe(204);
    expect((await renmin.get(`/api/data/department/${dept.body.id}`)).status).toBe(404);
  });

  it('refuses to delete a department with child departments', async () => {
    const neike = await departmentId(renmin, '内科');
    const refused = await renmin.delete(`/api/data/department/${neike}`);
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].message).toMatch(/下级部门/);
  });

  it('keeps ID numbers unique per institution, naming the person who holds it', async () => {
    const idNumber = residentId('1980-10-10', '555');
    const neike = await departmentId(renmin, '内科');
    expect((await renmin.post('/api/data/person', { data: personData({ name: '王五', idNumber, departmentId: neike }) })).status).toBe(201);
    const duplicate = await renmin.post('/api/data/person', { data: personData({ name: '王六', idNumber: idNumber.toLowerCase(), departmentId: neike }) });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ code: 'DUPLICATE', path: '/idNumber' })]);
    expect(duplicate.body.errors[0].message).toContain('王五');
    const elsewhere = await zhongxin.post('/api/data/person', { data: personData({ name: '王五', idNumber, departmentId: await departmentId(zhongxin, '内科') }) });
    expect(elsewhere.status).toBe(201);
  });

  it('lets only one of parallel creates of the same ID number succeed', async () => {
    const idNumber = residentId('1981-11-11', '777');
    const neike = await departmentId(renmin, '内科');
    const attempts = await Promise.all(Array.from({ length: 5 }, () =>
      renmin.post('/api/data/person', { data: personData({ idNumber, departmentId: neike }) })));
    expect(attempts.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it('keeps department names unique per institution', async () => {
    const duplicate = await renmin.post('/api/data/department', { data: { name: '外科', category: '1', standardName: 'A04' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors[0]).toMatchObject({ code: 'DUPLICATE', path: '/name' });
  });
});
