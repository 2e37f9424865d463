import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentId } from '../../engine/src/testing/index.js';
import { changeFirstPassword, DEFAULT_PASSWORD, login, openBrowserRun, type BrowserRun } from './browser.js';

const ORG = '江岸区人民医院';
const DEPARTMENT = '导入测试科';
const PEOPLE = [
  { name: '导入甲', idNumber: residentId('1991-03-08', '135') },
  { name: '导入乙', idNumber: residentId('1992-07-19', '246') },
];
const WRONG_LEVEL = '硕士';
const FIXED_LEVEL = '硕士研究生毕业';
const FIXED_SCHOOL = '同济医科大学';
const REASON = '错误原因';

/** The rows a clerk types into the template, by header title: two good ones, then one with a 学历 that is no option. */
const ROWS: Array<Record<string, string>> = [
  { 姓名: PEOPLE[0]!.name, 证件号码: PEOPLE[0]!.idNumber, 学历: '大学本科毕业', 毕业学校: '武汉大学', 所学专业: '临床医学', 毕业日期: '2014-06-30' },
  { 姓名: PEOPLE[1]!.name, 证件号码: PEOPLE[1]!.idNumber, 学历: '大学本科毕业', 毕业学校: '华中科技大学', 所学专业: '临床医学', 毕业日期: '2015-06-30' },
  { 姓名: PEOPLE[0]!.name, 证件号码: PEOPLE[0]!.idNumber, 学历: WRONG_LEVEL, 毕业学校: FIXED_SCHOOL, 所学专业: '内科学', 毕业日期: '2017-06-30' },
].map((row) => ({ 机构名称: ORG, 证件类型: '居民身份证', 所在部门: DEPARTMENT, ...row }));

/** A call of the API as the logged-in page (its session cookie and CSRF token). */
async function apiPost(run: BrowserRun, url: string, data: unknown): Promise<{ id: string }> {
  const me = await run.page.request.get(`${run.baseUrl}/api/auth/me`);
  const { csrfToken } = await me.json() as { csrfToken: string };
  const response = await run.page.request.post(`${run.baseUrl}${url}`, { data, headers: { 'X-CSRF-Token': csrfToken } });
  expect(response.status(), await response.text()).toBe(201);
  return response.json() as Promise<{ id: string }>;
}

/** Clicks what starts a download and keeps the file. */
async function download(page: Page, trigger: Locator, dir: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const target = path.join(dir, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

/** The sheet holding the data (header row with 证件号码) and its column numbers by header title. */
async function dataSheet(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets.find((s) => s.state === 'visible'
    && (s.getRow(1).values as unknown[]).includes('证件号码'));
  if (!sheet) throw new Error(`no data sheet in ${file}`);
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columns.set(String(cell.value), col));
  const cell = (row: number, title: string) => {
    const col = columns.get(title);
    if (col === undefined) throw new Error(`no column ${title}: ${[...columns.keys()].join(', ')}`);
    return sheet.getRow(row).getCell(col);
  };
  return { workbook, sheet, columns, cell };
}

async function importFile(page: Page, file: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: '导入学历信息' });
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await dialog.getByText(path.basename(file)).waitFor();
  await dialog.getByRole('button', { name: '开始导入' }).click();
  return dialog.getByTestId('import-counts');
}

/** 关闭 in the dialog's footer (the corner × is named 关闭 too). */
async function closeDialog(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '导入学历信息' });
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await dialog.waitFor({ state: 'detached' });
}

const tableRows = (page: Page) => page.getByTestId('record-table').locator('tbody tr.ant-table-row');

/**
 * 批量导入 as a hospital clerk does it, on 学历信息: download the template, fill two good rows
 * and a bad one, import: 成功 2 / 失败 1; download the error report, whose first column 错误原因
 * names the problem; correct the row in the report and import the report as it is: 成功 1, and the
 * record is in the list. 导出 repeats the search; 人员信息导入管理 lists both imports.
 */
describe('Excel import round trip in Chromium', () => {
  let run: BrowserRun;
  let dir: string;
  let report: string;
  beforeAll(async () => {
    run = await openBrowserRun();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'imports-e2e-'));
  });
  afterAll(async () => {
    await run?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it(`logs in as the main account of ${ORG} and has a department with two people`, async () => {
    const { page, baseUrl } = run;
    await page.goto(`${baseUrl}/`);
    await login(page, 'jarmyy001', DEFAULT_PASSWORD);
    await changeFirstPassword(page);
    const department = await apiPost(run, '/api/data/department', { data: { name: DEPARTMENT, category: '2' } });
    for (const person of PEOPLE) {
      await apiPost(run, '/api/data/person', { data: { name: person.name, documentType: '01', idNumber: person.idNumber,
        nationality: 'CHN', departmentId: department.id, employmentStatus: '1' } });
    }
  });

  it('downloads the template, fills it and imports it: 成功 2 条，失败 1 条, and the list shows the two', async () => {
    const { page } = run;
    await page.getByRole('menuitem', { name: '个人信息管理' }).click();
    await page.getByRole('menuitem', { name: '学历信息' }).click();
    await page.getByTestId('record-table').waitFor();
    await page.getByRole('button', { name: '导入' }).click();
    const dialog = page.getByRole('dialog', { name: '导入学历信息' });
    const template = await download(page, dialog.getByRole('link', { name: '下载模板' }), dir);

    const { workbook, columns, cell } = await dataSheet(template);
    expect([...columns.keys()].slice(0, 6)).toEqual(['机构名称', '姓名', '证件类型', '证件号码', '所在部门', '学历']);
    ROWS.forEach((row, i) => Object.entries(row).forEach(([title, value]) => { cell(i + 2, title).value = value; }));
    const filled = path.join(dir, '学历信息导入.xlsx');
    await workbook.xlsx.writeFile(filled);

    const counts = await importFile(page, filled);
    await expect.poll(() => counts.innerText()).toBe('共 3 条，成功 2 条，失败 1 条');
    report = await download(page, dialog.getByRole('link', { name: '下载错误报告' }), dir);
    await closeDialog(page);
    await expect.poll(() => tableRows(page).count()).toBe(2);
  });

  it('the error report starts with 错误原因 naming the problem; corrected and imported as it is: 成功 1 条', async () => {
    const { page } = run;
    const { workbook, sheet, cell } = await dataSheet(report);
    expect(String(sheet.getRow(1).getCell(1).value)).toBe(REASON);
    expect(sheet.actualRowCount).toBe(2);
    expect(String(cell(2, REASON).value)).toContain('学历');
    expect(String(cell(2, '学历').value)).toBe(WRONG_LEVEL);
    cell(2, '学历').value = FIXED_LEVEL;
    const corrected = path.join(dir, '学历信息错误报告（已改正）.xlsx');
    await workbook.xlsx.writeFile(corrected);

    await page.getByRole('button', { name: '导入' }).click();
    const counts = await importFile(page, corrected);
    await expect.poll(() => counts.innerText()).toBe('共 1 条，成功 1 条，失败 0 条');
    await closeDialog(page);
    await expect.poll(() => tableRows(page).count()).toBe(3);
    const row = tableRows(page).filter({ hasText: FIXED_SCHOOL });
    expect(await row.innerText()).toContain(FIXED_LEVEL);
    expect(await row.innerText()).toContain(PEOPLE[0]!.name);
  });

  it('导出 gives the searched list with the template\'s columns', async () => {
    const { page } = run;
    await page.getByLabel('搜索').fill('武汉');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect.poll(() => tableRows(page).count()).toBe(1);
    const exported = await dataSheet(await download(page, page.getByRole('link', { name: '导出' }), dir));
    expect([...exported.columns.keys()].slice(0, 6)).toEqual(['机构名称', '姓名', '证件类型', '证件号码', '所在部门', '学历']);
    expect(exported.sheet.actualRowCount).toBe(2);
    expect(String(exported.cell(2, '毕业学校').value)).toBe('武汉大学');
    expect(String(exported.cell(2, '证件号码').value)).toBe(PEOPLE[0]!.idNumber);
  });

  it('人员信息导入管理 lists both imports with their outcome', async () => {
    const { page } = run;
    await page.getByRole('menuitem', { name: '人员信息导入管理' }).click();
    const rows = page.getByTestId('import-jobs-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toContain('全部成功');
    expect(await rows.nth(1).innerText()).toContain('部分成功');
    await rows.nth(1).getByRole('link', { name: '下载错误报告' }).waitFor();
  });
});
