import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentId, personData, startTestEngine, testDatabases, type TestDatabase, type TestEngine } from '../../testing/index.js';

const base = (kind: string, key: string) => `/api/designer/definitions/${kind}/${key}`;

/** Several engines on one database: what the designer publishes through one is in force in the other without a restart. */
describe.each(testDatabases())('designer: publishing with two engines on one database (%s)', (_name, makeDatabase) => {
  let database: TestDatabase;
  let first: TestEngine;
  let second: TestEngine;

  beforeAll(async () => {
    database = await makeDatabase();
    first = await startTestEngine(database, { definitionsPollMs: 50 });
    second = await startTestEngine(database, { definitionsPollMs: 50 });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await database?.dispose();
  });

  it('has the other engine judge by a rule set published through the first within a poll', async () => {
    const [province, clerk] = [first.client(), second.client()];
    await Promise.all([province.firstLogin('hbwjw0001'), clerk.firstLogin('jarmyy001')]);
    const copied = await province.post(`${base('ruleset', 'probation-2024')}/copy`, { toKey: 'probation-2025' });
    const tests = [{ name: '非应届，整年', input: { record: { candidateType: 'nonFresh', startDate: '2023-01-01', endDate: '2023-12-31' },
      lookups: { person: { employmentStatus: '1', nationality: 'CHN' } } }, expect: [] }];
    await province.put(`${base('ruleset', 'probation-2025')}/draft`, { content: { ...copied.body.draft.content,
      appliesTo: { entity: 'probation', examYear: 2025 }, tests } });
    expect((await province.post(`${base('ruleset', 'probation-2025')}/publish`, {})).status).toBe(201);

    await expect.poll(async () => ((await clerk.get('/api/rulesets/probation')).body.items as Array<{ key: string }>).map((r) => r.key),
      { timeout: 10_000, interval: 50 }).toContain('probation-2025');
    const personId = (await clerk.post('/api/data/person', { data: personData({ departmentId: await departmentId(clerk, '内科') }) })).body.id;
    const filed = await clerk.post('/api/data/probation', { data: { personId, candidateType: 'nonFresh', examYear: 2025,
      startDate: '2023-01-01', endDate: '2023-12-31', supervisor: '李四', supervisorCertificateCode: '110420100000001' } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  });
});
