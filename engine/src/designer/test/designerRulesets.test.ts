import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId, personData, residentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

const base = (kind: string, key: string) => `/api/designer/definitions/${kind}/${key}`;
const shiftYear = (iso: unknown) => (typeof iso === 'string' ? `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}` : iso);

describe.each(testDatabases())('designer: a bureau publishes next year\'s rule set (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let clerk: HttpClient;
  let province: HttpClient;
  let personId: string;
  const idNumber = residentId('1990-05-17', '123');
  const segment = (examYear: number, startDate: string, endDate: string) => ({ data: { personId, candidateType: 'nonFresh', examYear,
    startDate, endDate, supervisor: '李四', supervisorCertificateCode: '110420100000001' } });

  beforeAll(async () => {
    [clerk, province] = [ctx.engine.client(), ctx.engine.client()];
    await Promise.all([clerk.firstLogin('jarmyy001'), province.firstLogin('hbwjw0001')]);
    const person = await clerk.post('/api/data/person', { data: personData({ idNumber, departmentId: await departmentId(clerk, '内科') }) });
    personId = person.body.id;
    expect((await clerk.post('/api/data/probation', segment(2024, '2023-01-01', '2023-12-31'))).status).toBe(201);
  });

  it('copies probation-2024, edits the year, runs the cases, replays the stored filings, publishes; a 2025 filing follows it at once', async () => {
    expect((await province.get('/api/designer/me')).body).toEqual({ editableKinds: ['dictionary', 'ruleset'] });
    const copied = await province.post(`${base('ruleset', 'probation-2024')}/copy`, { toKey: 'probation-2025' });
    expect(copied.status, JSON.stringify(copied.body)).toBe(201);
    const source = copied.body.draft.content;
    expect(source.key).toBe('probation-2025');
    expect((await province.post(`${base('ruleset', 'probation-2024')}/copy`, { toKey: 'probation-2025' })).status).toBe(409);

    const parameters = Object.fromEntries(Object.entries(source.parameters as Record<string, { type: string; value: unknown }>)
      .map(([name, p]) => [name, p.type === 'date' ? { ...p, value: shiftYear(p.value) } : p]));
    const tests = [{ name: '非应届，整年', input: { record: { candidateType: 'nonFresh', startDate: '2024-01-01', endDate: '2024-12-31' },
      lookups: { person: { employmentStatus: '1', nationality: 'CHN' } } }, expect: [] }];
    const draft = { ...source, title: '2025 年度医师资格考试试用期填报规则', appliesTo: { entity: 'probation', examYear: 2025 }, parameters, tests };
    const saved = await province.put(`${base('ruleset', 'probation-2025')}/draft`, { content: draft });
    expect(saved.body.problems).toEqual([]);

    const run = await province.post('/api/designer/rulesets/test', { content: draft });
    expect(run.body).toEqual({ cases: [{ name: '非应届，整年', passed: true, expected: [], actual: [] }], passed: 1, failed: 0 });
    const failing = await province.post('/api/designer/rulesets/test', { content: { ...draft, tests: [{ ...tests[0], expect: ['startNotAfterEnd'] }] } });
    expect(failing.body).toMatchObject({ passed: 0, failed: 1, cases: [{ passed: false, expected: ['startNotAfterEnd'], actual: [] }] });
    expect(failing.body.cases[0].message).toContain('测试「非应届，整年」未通过');

    const replay = await province.post('/api/designer/rulesets/replay', { content: draft });
    expect(replay.status, JSON.stringify(replay.body)).toBe(200);
    expect(replay.body).toMatchObject({ entity: 'probation', examYear: 2024, total: 1, unchangedCount: 0 });
    expect(replay.body.notice).toContain('2025 年度还没有已填报的记录');
    const [changed] = replay.body.changed;
    expect(changed).toMatchObject({ orgName: '江岸区人民医院', before: [],
      after: ['非应届考生的试用期开始日期不能早于 2024-01-01（当前为 2023-01-01）。'] });
    expect(changed.title).toContain(`张三（${idNumber.slice(0, 6)}********${idNumber.slice(-4)}）`);
    expect(changed.title).toContain('2023-01-01 至 2023-12-31');
    expect(JSON.stringify(replay.body)).not.toContain(idNumber);

    const refusedBefore = await clerk.post('/api/data/probation', segment(2025, '2024-01-01', '2024-12-31'));
    expect(refusedBefore.body.errors[0].code).toBe('NO_RULESET');
    const published = await province.post(`${base('ruleset', 'probation-2025')}/publish`, { note: '2025 年度规则' });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body).toEqual({ version: 1 });
    expect((await clerk.post('/api/data/probation', segment(2025, '2024-01-01', '2024-12-31'))).status).toBe(201);
    const early = await clerk.post('/api/data/probation', { data: { ...segment(2025, '2023-12-01', '2023-12-31').data,
      personId: (await clerk.post('/api/data/person', { data: personData({ name: '王五', idNumber: residentId('1990-05-17', '124'),
        departmentId: await departmentId(clerk, '内科') }) })).body.id } });
    expect(early.body.errors.map((e: { code: string }) => e.code)).toContain('nonFreshStartWindow');

    // The same replay now compares with the rule set in force for 2025 records.
    const again = await province.post('/api/designer/rulesets/replay', { content: draft, examYear: 2025 });
    expect(again.body).toMatchObject({ examYear: 2025, total: 1, changed: [], unchangedCount: 1 });
  });

  it('lets the bureau edit rule sets and dictionaries only, and an institution nothing', async () => {
    const person = (await province.get(base('entity', 'person'))).body;
    expect(person.editable).toBe(false);
    const entityDraft = await province.put(`${base('entity', 'person')}/draft`, { content: person.inForce.content });
    expect(entityDraft.status).toBe(403);
    expect(entityDraft.body.errors[0].message).toBe('您只能编辑和发布「字典」、「填报规则」，不能编辑或发布「实体表单」；如需修改，请联系系统管理员。');
    expect((await province.post(`${base('process', 'institutionChange')}/publish`, {})).status).toBe(403);
    expect((await province.post(`${base('process', 'institutionChange')}/rollback`, { version: 1 })).status).toBe(403);
    expect((await province.post('/api/designer/validate', { content: person.inForce.content })).status).toBe(403);
    expect((await province.post(`${base('entity', 'person')}/impact`, { content: person.inForce.content })).status).toBe(403);
    const gender = (await province.get(base('dictionary', 'gender'))).body.inForce.content;
    expect((await province.put(`${base('dictionary', 'gender')}/draft`, { content: gender })).status).toBe(200);
    expect((await province.delete(`${base('dictionary', 'gender')}/draft`)).status).toBe(204);

    const ruleset = (await province.get(base('ruleset', 'probation-2024'))).body.inForce.content;
    for (const call of [() => clerk.get('/api/designer/me'), () => clerk.get('/api/designer/definitions'),
      () => clerk.get(base('ruleset', 'probation-2024')), () => clerk.put(`${base('ruleset', 'probation-2024')}/draft`, { content: ruleset }),
      () => clerk.post('/api/designer/rulesets/test', { content: ruleset }), () => clerk.post('/api/designer/rulesets/replay', { content: ruleset }),
      () => clerk.post(`${base('ruleset', 'probation-2024')}/publish`, {})]) {
      const response = await call();
      expect(response.status).toBe(403);
      expect(response.body.errors[0].message).toContain('您没有使用定义设计器的权限');
    }
    expect((await ctx.engine.client().get('/api/designer/me')).status).toBe(401);
  });
});
