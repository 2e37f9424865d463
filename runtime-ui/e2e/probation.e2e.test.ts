import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentId } from '../../engine/src/testing/index.js';
import { changeFirstPassword, DEFAULT_PASSWORD, login, openBrowserRun, type BrowserRun } from './browser.js';
import { choose, fillSegment, openProbationEntry, settled, storedProbation } from './probationForm.js';

const DEPARTMENT = '规培管理科';
const PERSON = '试用期考生';
const ID_NUMBER = residentId('1996-04-12', '231');
const OVERLAP = '多段试用期的时间不能重叠';

/**
 * 试用期填报 as a hospital HR clerk does it: a new department, a new 在岗 person in it, two
 * contiguous segments for 2024 (非应届, 17 months together) saved at once; then a third segment
 * overlapping the second: the rule's Chinese message shows at the segment while typing, the save
 * is refused with it, what was typed stays, and nothing more is stored.
 */
describe('试用期填报 in Chromium', () => {
  let run: BrowserRun;
  beforeAll(async () => { run = await openBrowserRun(); });
  afterAll(async () => { await run?.close(); });

  it('logs in as the main account of 江岸区人民医院', async () => {
    const { page, baseUrl } = run;
    await page.goto(`${baseUrl}/`);
    await login(page, 'jarmyy001', DEFAULT_PASSWORD);
    await changeFirstPassword(page);
  });

  it('adds a department', async () => {
    const { page } = run;
    await page.getByRole('menuitem', { name: '部门管理' }).click();
    await page.getByTestId('tree-root').getByRole('button', { name: '添加下级' }).click();
    const drawer = page.getByTestId('record-form-drawer');
    await drawer.getByLabel('部门名称').fill(DEPARTMENT);
    await drawer.getByLabel('科室（部门）类别').click();
    await choose(page, /^职能部门$/);
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.waitFor({ state: 'detached' });
    await page.locator(`[data-testid="tree-node"][data-title="${DEPARTMENT}"]`).waitFor();
  });

  it('adds a person in it, 在岗人员, and finds them by department', async () => {
    const { page } = run;
    await page.getByRole('menuitem', { name: '基本信息' }).click();
    await page.getByTestId('record-table').waitFor();
    await page.getByRole('button', { name: '新增' }).click();
    const drawer = page.getByTestId('record-form-drawer');
    await drawer.getByLabel('姓名').fill(PERSON);
    await drawer.getByLabel('证件号码').fill(ID_NUMBER);
    await drawer.getByLabel('所在部门').click();
    await drawer.getByLabel('所在部门').fill(DEPARTMENT);
    await choose(page, DEPARTMENT);
    await drawer.getByLabel('在职状态').click();
    await choose(page, /^在岗人员$/);
    // Both choices show before saving; a lost one would otherwise only show as a drawer that stays open.
    const shown = (field: string) => drawer.locator(`[data-field$="_${field}"] .ant-select`).innerText();
    await expect.poll(() => shown('departmentId')).toBe(DEPARTMENT);
    await expect.poll(() => shown('employmentStatus')).toBe('在岗人员');
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.waitFor({ state: 'detached' });

    await page.getByTestId('list-filters').getByLabel('所在部门').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode').filter({ hasText: DEPARTMENT }).first().click();
    const rows = page.getByTestId('record-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(PERSON);
    await rows.first().getByTestId('completeness').waitFor();
    expect(await rows.first().getByTestId('completeness').innerText()).toMatch(/缺 \d+ 项/);
  });

  it('files two contiguous 2024 segments (非应届, ≥ 12 months) at once; both are stored', async () => {
    const { page } = run;
    const drawer = await openProbationEntry(page, DEPARTMENT, PERSON); // by department, as the guide shows
    expect(await drawer.getByLabel('考试年度').inputValue()).toBe('2024');

    await fillSegment(page, drawer.getByTestId('segment-0'), '2023-01-01', '2023-06-15', true);
    await expect.poll(() => drawer.getByTestId('segment-0').getByLabel('试用期时长').inputValue()).toBe('5 个月 15 天'); // derived live
    // One segment alone is short of 12 months: said at once, before saving.
    await drawer.getByText(/试用期总时长不足 12 个月/).waitFor();
    await drawer.getByRole('button', { name: '添加一项' }).click();
    await fillSegment(page, drawer.getByTestId('segment-1'), '2023-06-16', '2024-01-31');
    await expect.poll(() => drawer.getByText(/试用期总时长不足/).count()).toBe(0);

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/data/probation/batch'));
    await drawer.getByRole('button', { name: '保存' }).click();
    expect((await saved).status()).toBe(201);
    await drawer.waitFor({ state: 'detached' });
    const row = page.getByTestId('group-table').locator('tbody tr.ant-table-row').filter({ hasText: PERSON });
    await row.getByText('符合填报规则').waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => row.innerText()).toContain('2023-06-16 至 2024-01-31');
    const stored = await storedProbation(run);
    expect(stored.map((s) => [s.startDate, s.endDate, s.examYear, s.candidateType]).sort()).toEqual([
      ['2023-01-01', '2023-06-15', 2024, 'nonFresh'], ['2023-06-16', '2024-01-31', 2024, 'nonFresh']]);
  });

  it('shows the overlap rule while typing a third segment, refuses the save with it, keeps the input, stores nothing', async () => {
    const { page } = run;
    const row = page.getByTestId('group-table').locator('tbody tr.ant-table-row').filter({ hasText: PERSON });
    await row.getByRole('button', { name: '添加时间段' }).click();
    const drawer = page.getByTestId('probation-entry-drawer');
    await drawer.getByTestId('stored-segments').getByText('2023-06-16').waitFor();
    await settled(drawer);

    const segment = drawer.getByTestId('segment-0');
    await fillSegment(page, segment, '2024-01-15', '2024-01-31');
    const error = segment.locator('[data-field$="_startDate"] .ant-form-item-explain-error').filter({ hasText: OVERLAP });
    await error.waitFor();
    expect(await error.innerText()).toContain('2024-01-31'); // where the earlier segment ends

    const refused = page.waitForResponse((r) => r.url().endsWith('/api/data/probation/batch'));
    await drawer.getByRole('button', { name: '保存' }).click();
    const response = await refused;
    expect(response.status()).toBe(422);
    expect(JSON.stringify(await response.json())).toContain(OVERLAP);
    await error.waitFor();
    expect(await segment.getByLabel('试用期开始日期').inputValue()).toBe('2024-01-15');
    expect(await segment.getByLabel('带教老师').inputValue()).toBe('王带教');
    expect(await storedProbation(run)).toHaveLength(2);
  });
});
