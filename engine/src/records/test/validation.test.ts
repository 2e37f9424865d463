import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId, personData, residentId, useTestEngine, testDatabases, type HttpClient } from '../../testing/index.js';

const paths = (body: { errors: Array<{ path?: string }> }) => body.errors.map((e) => e.path).sort();

describe.each(testDatabases())('record validation over HTTP (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let client: HttpClient;
  let neike: string;

  beforeAll(async () => {
    client = ctx.engine.client();
    await client.firstLogin('jarmyy001');
    neike = await departmentId(client, '内科');
  });

  const create = (overrides: Record<string, unknown>) =>
    client.post('/api/data/person', { data: personData({ departmentId: neike, ...overrides }) });

  it('refuses a wrong check digit at /idNumber, in Chinese, without echoing the number', async () => {
    const good = residentId('1985-03-02', '456');
    const wrong = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const response = await create({ idNumber: wrong });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ code: 'idDocument', path: '/idNumber', reason: 'checkDigit' })]);
    expect(response.body.errors[0].message).toMatch(/校验位/);
    expect(JSON.stringify(response.body)).not.toContain(wrong);
  });

  it('normalises a lowercase x and derives sex and birth date', async () => {
    const response = await create({ name: '李四', idNumber: '11010519491231002x' });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ idNumber: '11010519491231002X', sex: '2', birthDate: '1949-12-31' });
  });

  it('refuses a 15-digit number and an impossible birth date', async () => {
    const fifteen = await create({ idNumber: '110105491231002' });
    expect(fifteen.status).toBe(422);
    expect(fifteen.body.errors).toEqual([expect.objectContaining({ path: '/idNumber', reason: 'legacy15' })]);
    const feb30 = '42010219900230123';
    const impossible = await create({ idNumber: residentId('1990-02-30', '123').replace(/^.{17}/, feb30) });
    expect(impossible.status).toBe(422);
    expect(impossible.body.errors).toEqual([expect.objectContaining({ path: '/idNumber', reason: 'birthDate' })]);
  });

  it('refuses sex and birth date that contradict the ID number, at their own paths', async () => {
    const response = await create({ idNumber: residentId('1988-08-08', '111'), sex: '2', birthDate: '1988-08-09' });
    expect(response.status).toBe(422);
    expect(paths(response.body)).toEqual(['/birthDate', '/sex']);
  });

  it('lists every missing required field with its path and Chinese title', async () => {
    const response = await client.post('/api/data/person', { data: { name: '  ' } });
    expect(response.status).toBe(422);
    expect(paths(response.body)).toEqual(['/birthDate', '/departmentId', '/documentType', '/employmentStatus', '/idNumber',
      '/name', '/nationality', '/sex']);
    expect(response.body.errors.find((e: { path: string }) => e.path === '/name').message).toBe('请填写「姓名」。');
  });

  it('checks other document types by their own formats', async () => {
    const permit = await create({ documentType: '06', idNumber: 'X1234567', nationality: 'HKG', sex: '1', birthDate: '1990-01-01' });
    expect(permit.status).toBe(422);
    expect(permit.body.errors).toEqual([expect.objectContaining({ path: '/idNumber' })]);
    const ok = await create({ name: 'Chan', documentType: '06', idNumber: 'H12345678', nationality: 'HKG', sex: '1', birthDate: '1990-01-01' });
    expect(ok.status).toBe(201);
  });

  it('refuses a dictionary value that does not exist, and an unknown field', async () => {
    const response = await create({ idNumber: residentId('1970-01-01', '333'), employmentStatus: 'zz', hobby: 'chess' });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'dictionary', path: '/employmentStatus' }),
      expect.objectContaining({ code: 'additionalProperties', path: '/hobby' }),
    ]));
  });

  it('requires 科室标准名称 exactly when the category is 科室（部门）', async () => {
    const clinical = await client.post('/api/data/department', { data: { name: '眼科', category: '1' } });
    expect(clinical.status).toBe(422);
    expect(clinical.body.errors).toEqual([expect.objectContaining({ path: '/standardName', message: '请填写「科室标准名称」。' })]);
    expect((await client.post('/api/data/department', { data: { name: '眼科', category: '1', standardName: 'A10' } })).status).toBe(201);
    expect((await client.post('/api/data/department', { data: { name: '财务科', category: '2' } })).status).toBe(201);
  });

  it('answers 400 for a body that is not JSON and for an unknown filter', async () => {
    const broken = await client.request('POST', '/api/data/person', '{"data":', {});
    expect(broken.status).toBe(400);
    expect((await client.get('/api/data/person?shoeSize=42')).status).toBe(400);
    expect((await client.get('/api/data/person?pageSize=1000')).status).toBe(400);
  });
});
