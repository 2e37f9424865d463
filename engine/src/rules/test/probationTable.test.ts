import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId, JPEG_1X1, personData, residentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { casePerson, caseRecords, probation2024Cases, type ProbationCase } from '../cases/index.js';

/** Identity documents that pass the person entity's checks, one number per case. */
function identity(testCase: ProbationCase, index: number): Record<string, unknown> {
  const n = String(10_000_000 + index);
  switch (casePerson(testCase).nationality) {
    case 'HKG': return { documentType: '06', idNumber: `H${n}`, sex: '1', birthDate: '1995-03-01' };
    case 'MAC': return { documentType: '06', idNumber: `M${n}`, sex: '2', birthDate: '1995-03-01' };
    case 'TWN': return { documentType: '07', idNumber: n, sex: '1', birthDate: '1995-03-01' };
    case 'USA': return { documentType: '03', idNumber: `P${n}`, sex: '2', birthDate: '1995-03-01' };
    default: return { idNumber: residentId('1995-03-01', String(100 + index).padStart(3, '0')) };
  }
}

describe.each(testDatabases())('probation 2024 table over HTTP (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let clerk: HttpClient;
  let department: string;
  let material: string;

  beforeAll(async () => {
    clerk = ctx.engine.client();
    await clerk.firstLogin('jarmyy001');
    department = await departmentId(clerk, '内科');
    const uploaded = await clerk.upload('/api/files', '补充材料.jpg', JPEG_1X1, 'image/jpeg');
    expect(uploaded.status).toBe(201);
    material = uploaded.body.id;
  });

  it.each(probation2024Cases.map((c, i) => [c.name, c, i] as const))('%s', async (name, testCase, index) => {
    const person = await clerk.post('/api/data/person', { data: personData({ name: `考生${index}`, departmentId: department,
      ...casePerson(testCase), ...identity(testCase, index) }) });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    const items = caseRecords(testCase, person.body.id, material).map((data) => ({ data }));
    const response = await clerk.post('/api/data/probation/batch', { items });
    if (testCase.expect.length === 0) {
      expect(response.status, `${name}: ${JSON.stringify(response.body)}`).toBe(201);
      expect(response.body.items).toHaveLength(items.length);
      return;
    }
    expect(response.status).toBe(422);
    const errors = response.body.errors as Array<{ code: string; path: string; message: string }>;
    expect([...new Set(errors.map((e) => e.code))].sort()).toEqual([...testCase.expect].sort());
    for (const error of errors) expect(error.path).toMatch(/^\/items\/\d+\/data\//);
    // Nothing of a refused batch is stored.
    const stored = await clerk.get(`/api/data/probation?personId=${person.body.id}`);
    expect(stored.body.total).toBe(0);
  });

  it('judges a filing together with the person\'s stored filings (found through the reference), and no one else\'s', async () => {
    const period = { candidateType: 'nonFresh', examYear: 2024, startDate: '2023-01-01', endDate: '2024-01-31',
      supervisor: '李四', supervisorCertificateCode: '110420100000001' };
    const people: string[] = [];
    for (const [i, sequence] of ['901', '902'].entries()) {
      const person = await clerk.post('/api/data/person', { data: personData({ name: `分组${i}`, departmentId: department,
        idNumber: residentId('1994-04-04', sequence) }) });
      expect(person.status, JSON.stringify(person.body)).toBe(201);
      people.push(person.body.id);
    }
    expect((await clerk.post('/api/data/probation', { data: { personId: people[0], ...period } })).status).toBe(201);
    const again = await clerk.post('/api/data/probation', { data: { personId: people[0], ...period } });
    expect(again.status).toBe(422);
    expect(again.body.errors.map((e: { code: string }) => e.code)).toContain('segmentsNotOverlapping');
    expect((await clerk.post('/api/data/probation', { data: { personId: people[1], ...period } })).status).toBe(201);
  });
});
