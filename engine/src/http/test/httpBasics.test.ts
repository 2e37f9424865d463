import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId as departmentIdOf, personData, residentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

describe.each(testDatabases())('HTTP basics (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let client: HttpClient;

  beforeAll(async () => {
    client = ctx.engine.client();
    await client.firstLogin('jarmyy001');
  });

  it('answers health with the status of API.md', async () => {
    const response = await ctx.engine.client().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers an unknown API path and an unknown entity with a Chinese 404 body', async () => {
    const path = await client.get('/api/nothing-here');
    expect(path.status).toBe(404);
    expect(path.body.errors[0].code).toBe('NOT_FOUND');
    const entity = await client.get('/api/data/spaceship');
    expect(entity.status).toBe(404);
    expect(entity.body.errors[0].message).toMatch(/spaceship/);
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await client.post('/api/data/post', { data: { name: 'x'.repeat(1_100_000) } });
    expect(response.status).toBe(413);
    expect(response.body.errors[0].code).toBe('TOO_LARGE');
  });

  it('sends security headers and no caching on API responses', async () => {
    const response = await client.get('/api/auth/me');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the published schema with dictionaries expanded for the form renderer', async () => {
    const response = await client.get('/api/entities/person');
    expect(response.body).toMatchObject({ key: 'person', version: 1, title: '人员基本信息', titleField: 'name' });
    const documentType = response.body.schema.properties.documentType;
    expect(documentType.oneOf[0]).toEqual({ const: '01', title: '居民身份证', 'x-attrs': { validator: 'residentId' } });
    expect(response.body.import).toMatchObject({ match: ['documentType', 'idNumber'] });
    const menu = await client.get('/api/menu');
    const person = menu.body.items.flatMap((i: { children: unknown[] }) => i.children).find((i: { key: string }) => i.key === 'hr.person');
    expect(person).toMatchObject({ entity: 'person', actions: ['create', 'update', 'delete', 'import', 'export', 'reveal'] });
  });

  it('refuses disabled and group dictionary codes', async () => {
    const disabled = await client.post('/api/data/department', { data: { name: '口腔内科', category: '1', standardName: 'A12.L01' } });
    expect(disabled.status).toBe(422);
    expect(disabled.body.errors[0].message).toMatch(/已停用/);
    const group = await client.post('/api/data/department', { data: { name: '临床', category: '1', standardName: 'A' } });
    expect(group.body.errors).toEqual([expect.objectContaining({ code: 'dictionary', path: '/standardName' })]);
  });

  it('files probation only for the institution\'s staff on duty (在岗人员)', async () => {
    const departmentId = await departmentIdOf(client, '内科');
    const left = await client.post('/api/data/person', { data: personData({ departmentId, employmentStatus: '6', idNumber: residentId('1995-05-05', '515') }) });
    const onDuty = await client.post('/api/data/person', { data: personData({ departmentId, idNumber: residentId('1995-05-05', '517') }) });
    const probation = (personId: string) => ({ personId, candidateType: 'nonFresh', examYear: 2024, startDate: '2023-01-01',
      endDate: '2023-12-31', supervisor: '王医生', supervisorCertificateCode: '110420100012345' });
    const refused = await client.post('/api/data/probation', { data: probation(left.body.id) });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ code: 'personOnDuty', path: '/personId', message: expect.stringContaining('在岗人员') })]);
    expect((await client.post('/api/data/probation', { data: probation(onDuty.body.id) })).status).toBe(201);
  });
});
