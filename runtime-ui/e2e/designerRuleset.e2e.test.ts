import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentId, personData, residentId, type HttpClient } from '../../engine/src/testing/index.js';
import { login, NEW_PASSWORD, openBrowserRun, type BrowserRun } from './browser.js';
import { openDesignerDefinition } from './designerSteps.js';
import { date, fillSegment, openProbationEntry, storedProbation } from './probationForm.js';

const TITLE_2024 = '2024 年度医师资格考试试用期填报规则';
const TITLE_2025 = '2025 年度医师资格考试试用期填报规则';
/** The date parameters of probation-2024 with their 2025 values (each one year later). */
const DATE_PARAMETERS: Array<[string, string]> = [
  ['非应届考生试用期最早开始日期', '2024-01-01'], ['非应届考生试用期最晚结束日期', '2025-01-31'],
  ['应届考生试用期最早开始日期', '2024-06-01'], ['应届考生试用期最晚结束日期', '2025-08-31'],
];
const FILED_2024 = '张三'; // filed 2023-01-01 … 2023-12-31 for 2024: fine then, too early under the 2025 rules
const NEW_CANDIDATE = '李四';

async function seedInstitution(clerk: HttpClient): Promise<void> {
  await clerk.firstLogin('jarmyy001');
  const departmentIdOf = await departmentId(clerk, '内科');
  const zhang = await clerk.post('/api/data/person', { data: personData({ name: FILED_2024, departmentId: departmentIdOf }) });
  await clerk.post('/api/data/person', { data: personData({ name: NEW_CANDIDATE, idNumber: residentId('1991-03-02', '135'), departmentId: departmentIdOf }) });
  const filed = await clerk.post('/api/data/probation', { data: { personId: zhang.body.id, candidateType: 'nonFresh', examYear: 2024,
    startDate: '2023-01-01', endDate: '2023-12-31', supervisor: '王带教', supervisorCertificateCode: '110420100000001' } });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
}

async function storedDraft(run: BrowserRun): Promise<Record<string, unknown> | undefined> {
  const { db } = run.engine.engine;
  const row = await db.knex('definition_drafts').where({ kind: 'ruleset', key: 'probation-2025' }).first();
  return row ? db.dialect.parseJson(row.content) as Record<string, unknown> : undefined;
}

const runTests = async (page: Page) => {
  await page.getByRole('button', { name: '运行测试' }).click();
  return page.getByTestId('test-summary').innerText();
};

/**
 * The first Done-when: the province bureau copies probation-2024 into
 * probation-2025 in the designer, moves the year and its dates, runs the rule set's own cases,
 * replays the stored filings, publishes; an institution's 2025 filing then follows the new rules
 * at once — no restart, no code.
 */
describe('定义设计器: a bureau publishes next year\'s probation rules in Chromium', () => {
  let run: BrowserRun;
  beforeAll(async () => {
    run = await openBrowserRun();
    await seedInstitution(run.engine.client());
  });
  afterAll(async () => { await run?.close(); });

  it('sends the bureau user to log in and back to the designer, which lists the rule sets', async () => {
    const { page } = run;
    await openDesignerDefinition(run, 'hbwjw0001', '填报规则', TITLE_2024);
    expect(await page.getByTestId('designer-user').innerText()).toContain('湖北省卫生健康委员会');
    await page.getByTestId('ruleset-editor').waitFor();
    expect(page.url()).toMatch(/\/designer\/#\/ruleset\/probation-2024$/);
  });

  it('copies probation-2024 into probation-2025 and moves the exam year and each date parameter by one year', async () => {
    const { page } = run;
    await page.getByRole('button', { name: '复制为新定义' }).click();
    const dialog = page.getByRole('dialog', { name: '复制为新定义' });
    expect(await dialog.getByLabel('新标识').inputValue()).toBe('probation-2025');
    expect(await dialog.getByLabel('新名称').inputValue()).toBe(TITLE_2025);
    await dialog.getByRole('button', { name: '复制' }).click();
    await page.waitForURL(/#\/ruleset\/probation-2025$/);
    const editor = page.getByTestId('ruleset-editor');
    await expect.poll(() => editor.getByLabel('名称').inputValue()).toBe(TITLE_2025);

    await editor.getByLabel('考试年度', { exact: true }).fill('2025');
    for (const [title, value] of DATE_PARAMETERS) await date(editor.getByTestId('parameters'), title, value, true);
    // Autosaved as typed: the stored draft reaches the new values without any save button.
    await expect.poll(() => storedDraft(run), { timeout: 10_000 }).toMatchObject({ appliesTo: { examYear: 2025 }, parameters: {
      nonFreshEarliestStart: { value: '2024-01-01' }, nonFreshLatestEnd: { value: '2025-01-31' },
      freshEarliestStart: { value: '2024-06-01' }, freshLatestEnd: { value: '2025-08-31' } } });
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
  });

  it('runs the test cases: the copied 2024 dates fail, moved one year on they all pass', async () => {
    const { page } = run;
    expect(await runTests(page)).toMatch(/个未通过/);
    await page.getByRole('button', { name: '用例日期顺延一年' }).click();
    await page.getByRole('button', { name: '顺延', exact: true }).click();
    await expect.poll(() => page.getByTestId('test-summary').count()).toBe(0); // the old results are stale
    expect(await runTests(page)).toBe('全部 10 个用例通过。');
  });

  it('replays the stored 2024 filing: its verdict would change, and says why', async () => {
    const { page } = run;
    await page.getByRole('button', { name: '开始回放' }).click();
    const summary = page.getByTestId('replay-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('1 条结论改变');
    const replay = page.getByTestId('replay');
    expect(await replay.innerText()).toContain('2025 年度还没有已填报的记录');
    expect(await replay.locator('tbody').innerText()).toContain('非应届考生的试用期开始日期不能早于 2024-01-01（当前为 2023-01-01）。');
  });

  it('publishes v1 with a note; the list shows it in force', async () => {
    const { page } = run;
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    await page.getByRole('button', { name: '发布', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '发布草稿' });
    await dialog.getByText('这是一个新定义，发布后成为 v1 并立即生效。').waitFor();
    await dialog.getByLabel('发布说明').fill('2025 年度日期顺延一年');
    const published = page.waitForResponse((r) => r.url().endsWith('/probation-2025/publish'));
    await dialog.getByRole('button', { name: '确认发布' }).click();
    expect((await published).status()).toBe(201);
    await page.getByText('已发布 v1，立即生效。').waitFor();
    await page.getByTestId('definition-page').getByText('已发布 v1').waitFor();
  });

  it('has the institution\'s 2025 filing follow the 2025 rules at once: 2024-01-01 … 2024-12-31 is accepted', async () => {
    const { page, baseUrl } = run;
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await login(page, 'jarmyy001', NEW_PASSWORD);
    const drawer = await openProbationEntry(page, NEW_CANDIDATE, NEW_CANDIDATE);
    expect(await drawer.getByLabel('考试年度').inputValue()).toBe('2025');
    // Under the 2024 rules this would end after 2024-01-31; the 2025 rules allow it.
    await fillSegment(page, drawer.getByTestId('segment-0'), '2024-01-01', '2024-12-31', true);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/data/probation/batch'));
    await drawer.getByRole('button', { name: '保存' }).click();
    const response = await saved;
    expect(response.status(), await response.text()).toBe(201);
    const stored = await storedProbation(run);
    expect(stored.filter((s) => s.examYear === 2025).map((s) => [s.startDate, s.endDate])).toEqual([['2024-01-01', '2024-12-31']]);
  });
});
