import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId, personData, residentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import type { RulesetContent } from '../types.js';

const shipped = JSON.parse(fs.readFileSync(new URL('../../../../definitions/rulesets/probation-2024.json', import.meta.url), 'utf8')) as RulesetContent;
const shiftYear = (iso: unknown) => (typeof iso === 'string' ? `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}` : iso);

/** Next year's rules as a bureau would publish them: every date one year later, one test case of its own. */
function probation2025(overrides: Partial<RulesetContent> = {}): RulesetContent {
  const parameters = Object.fromEntries(Object.entries(shipped.parameters ?? {})
    .map(([name, p]) => [name, p.type === 'date' ? { ...p, value: shiftYear(p.value) } : p]));
  return { ...shipped, key: 'probation-2025', title: '2025 年度医师资格考试试用期填报规则', appliesTo: { entity: 'probation', examYear: 2025 },
    parameters, tests: [{ name: '非应届，整年', input: { record: { candidateType: 'nonFresh', startDate: '2024-01-01', endDate: '2024-12-31' },
      lookups: { person: { employmentStatus: '1', nationality: 'CHN' } } }, expect: [] }], ...overrides };
}

describe.each(testDatabases())('publishing rule sets without a restart (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let clerk: HttpClient;
  let province: HttpClient;
  let personId: string;
  const segment = (examYear: number, startDate: string, endDate: string) => ({ data: { personId, candidateType: 'nonFresh', examYear,
    startDate, endDate, supervisor: '李四', supervisorCertificateCode: '110420100000001' } });

  beforeAll(async () => {
    [clerk, province] = [ctx.engine.client(), ctx.engine.client()];
    await Promise.all([clerk.firstLogin('jarmyy001'), province.firstLogin('hbwjw0001')]);
    const person = await clerk.post('/api/data/person', { data: personData({ departmentId: await departmentId(clerk, '内科') }) });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    personId = person.body.id;
  });

  it('refuses a year whose rules are not published, then judges the same request by the new rules at once', async () => {
    const before = await clerk.post('/api/data/probation', segment(2025, '2024-01-01', '2024-12-31'));
    expect(before.status).toBe(422);
    expect(before.body.errors).toEqual([expect.objectContaining({ code: 'NO_RULESET', path: '/examYear' })]);
    expect(before.body.errors[0].message).toContain('2025 年度的「试用期」填报规则尚未发布');

    const published = await province.post('/api/rulesets', { content: probation2025() });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body).toEqual({ kind: 'ruleset', key: 'probation-2025', version: 1 });

    expect((await clerk.post('/api/data/probation', segment(2025, '2024-01-01', '2024-12-31'))).status).toBe(201);
    const early = await clerk.post('/api/data/probation', { data: { ...segment(2025, '2023-12-31', '2024-12-31').data, examYear: 2025,
      personId: (await clerk.post('/api/data/person', { data: personData({ name: '王五', idNumber: residentId('1990-05-17', '124'),
        departmentId: await departmentId(clerk, '内科') }) })).body.id } });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ code: 'nonFreshStartWindow', path: '/startDate',
      message: '非应届考生的试用期开始日期不能早于 2024-01-01（当前为 2023-12-31）。' })]);
  });

  it('changes one parameter of the 2024 rules: a start refused before is accepted after', async () => {
    const other = await clerk.post('/api/data/person', { data: personData({ name: '赵六', idNumber: residentId('1990-05-17', '125'),
      departmentId: await departmentId(clerk, '外科') }) });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const request = { data: { ...segment(2024, '2022-12-01', '2023-11-30').data, personId: other.body.id } };
    const refused = await clerk.post('/api/data/probation', request);
    expect(refused.body.errors.map((e: { code: string }) => e.code)).toEqual(['nonFreshStartWindow']);

    const parameters = { ...shipped.parameters, nonFreshEarliestStart: { ...shipped.parameters!.nonFreshEarliestStart!, value: '2022-12-01' } };
    const tests = shipped.tests!.filter((t) => t.name !== '非应届，开始早一天');
    const republished = await province.post('/api/rulesets', { content: { ...shipped, parameters, tests } });
    expect(republished.status, JSON.stringify(republished.body)).toBe(201);
    expect(republished.body.version).toBe(2);
    expect((await clerk.post('/api/data/probation', request)).status).toBe(201);

    // The browser gets the version in force to judge forms with.
    const rulesets = await clerk.get('/api/rulesets/probation');
    expect(rulesets.body.items.map((r: { key: string; version: number }) => `${r.key}@${r.version}`).sort())
      .toEqual(['probation-2024@2', 'probation-2025@1']);
  });

  it('refuses a broken expression with the rule id and position, and a rule set whose own cases fail', async () => {
    const broken = probation2025({ key: 'probation-2026', appliesTo: { entity: 'probation', examYear: 2026 },
      rules: [{ id: 'startNotAfterEnd', assert: 'startDate <= (endDate', message: 'x', path: '/startDate' }] });
    const refused = await province.post('/api/rulesets', { content: broken });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ code: 'DEFINITION', path: '/rules/0/assert' });
    expect(refused.body.errors[0].message).toMatch(/规则「startNotAfterEnd」的表达式有误（第 \d+ 个字符）/);
    const odd = await province.post('/api/rulesets', { content: { ...broken, rules: [{ ...broken.rules[0]!, assert: 'startDate <= = endDate' }] } });
    expect(odd.status).toBe(422);
    expect(odd.body.errors[0].message).toContain('规则「startNotAfterEnd」的表达式有误：FEEL 表达式无法求值');

    const failing = probation2025({ key: 'probation-2026', appliesTo: { entity: 'probation', examYear: 2026 },
      tests: [{ name: '应当通过', input: { record: { candidateType: 'nonFresh', startDate: '2020-01-01', endDate: '2020-12-31' },
        lookups: { person: { employmentStatus: '1', nationality: 'CHN' } } }, expect: [] }] });
    const blocked = await province.post('/api/rulesets', { content: failing });
    expect(blocked.status).toBe(422);
    expect(blocked.body.errors[0].message).toContain('测试「应当通过」未通过：预期违反 []，实际违反 [nonFreshStartWindow]');
    expect((await clerk.post('/api/data/probation', segment(2026, '2025-01-01', '2025-12-31'))).body.errors[0].code).toBe('NO_RULESET');
  });

  it('lets only the system administrator publish other kinds, and no institution publish at all', async () => {
    const entity = await province.post('/api/rulesets', { content: { kind: 'dictionary', key: 'x', schemaVersion: 1, title: 'x', items: [] } });
    expect(entity.status).toBe(400);
    expect(entity.body.errors[0].message).toContain('这里只能发布填报规则');
    expect((await province.post('/api/definitions', { content: probation2025() })).status).toBe(403);
    expect((await clerk.post('/api/rulesets', { content: probation2025() })).status).toBe(403);
    const audit = await province.get('/api/audit?action=definition.publish');
    expect(audit.status).toBe(200);
    expect(audit.body.items.length).toBeGreaterThanOrEqual(2);
  });
});
