import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId, HttpClient, personData, residentId, testDatabases, useTestEngine, type HttpResponse } from '../testing/index.js';
import { POLLUTING_KEYS, prototypeSnapshot } from './prototype.js';

const CHINESE = /[\u4e00-\u9fff]/;

/** A refusal as the API promises it: a 4xx with typed errors, each message in Chinese; never a 500. */
function expectTypedAnswer(response: HttpResponse, accepted: number[]): void {
  expect(response.status, JSON.stringify(response.body)).not.toBeGreaterThanOrEqual(500);
  if (accepted.includes(response.status)) return;
  expect(response.status).toBeGreaterThanOrEqual(400);
  const errors = (response.body as { errors?: Array<{ code: unknown; message: unknown }> }).errors;
  expect(errors?.length, JSON.stringify(response.body)).toBeGreaterThan(0);
  for (const error of errors!) {
    expect(typeof error.code).toBe('string');
    expect(String(error.message)).toMatch(CHINESE);
  }
}

const idLike = fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[0-9Xx ]{0,24}$/),
  fc.constantFrom('', ' ', '<script>', '__proto__', '11010519491231002X', '110105194912310021', 'A1234567(8)', 'H0123456789'));
const anyValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 20 }),
  fc.constantFrom('2024-02-30', '9999-99-99', '2023-01-01', 'fresh', 'nonFresh'), fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
  fc.dictionary(fc.constantFrom(...POLLUTING_KEYS), fc.string({ maxLength: 5 }), { maxKeys: 2 }));
const probationFields = ['candidateType', 'examYear', 'startDate', 'endDate', 'duration', 'supervisor', 'supervisorCertificateCode'];

/**
 * Issue 9.3 through HTTP: the three inputs the fuzz tests give the parser, the validators and the
 * rule sets directly, here as a clerk's browser would send them. Whatever arrives, the answer is
 * a success or a typed Chinese refusal, never a 500, and the engine keeps serving.
 */
describe.each(testDatabases())('hostile input through HTTP (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let clerk: HttpClient;
  let department: string;
  let personId: string;

  beforeAll(async () => {
    clerk = ctx.engine.client();
    await clerk.firstLogin('jarmyy001');
    department = await departmentId(clerk, '内科');
    const person = await clerk.post('/api/data/person', { data: personData({ departmentId: department, idNumber: residentId('1991-03-04', '231') }) });
    personId = person.body.id as string;
  });

  it('answers any ID number of a new person with 201 or a Chinese refusal that does not repeat it', async () => {
    const before = prototypeSnapshot();
    await fc.assert(fc.asyncProperty(idLike, async (idNumber) => {
      const response = await clerk.post('/api/data/person', { data: personData({ departmentId: department, idNumber }) });
      expectTypedAnswer(response, [201]);
      const digits = idNumber.replace(/\s/g, '');
      if (response.status !== 201 && digits.length >= 6) expect(JSON.stringify(response.body)).not.toContain(digits);
    }), { numRuns: 40 });
    expect(prototypeSnapshot()).toEqual(before);
  });

  it('answers any upload to the import with a typed refusal, and imports nothing', async () => {
    const total = async () => (await clerk.get('/api/data/person?pageSize=1')).body.total as number;
    const count = await total();
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('人员.xlsx', 'a.xls', 'x.csv', '../../etc/passwd'),
      async (bytes, name) => {
        expectTypedAnswer(await clerk.upload('/api/imports/person', name, bytes), []);
      }), { numRuns: 25 });
    expect(await total()).toBe(count);
  });

  it('answers probation filings with arbitrary values through the rule set by 201 or a typed refusal', async () => {
    const before = prototypeSnapshot();
    const filing = fc.record(Object.fromEntries(probationFields.map((f) => [f, anyValue])), { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(filing, async (values) => {
      expectTypedAnswer(await clerk.post('/api/data/probation', { data: { ...values, personId } }), [201]);
    }), { numRuns: 40 });
    expect(prototypeSnapshot()).toEqual(before);
    expect((await clerk.get('/api/health')).status).toBe(200);
  });
});
