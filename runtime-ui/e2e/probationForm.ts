import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { BrowserRun } from './browser.js';

/** Picks an option of the open select by its text. */
export const choose = (page: Page, text: string | RegExp) => page.locator('.ant-select-dropdown:visible .ant-select-item-option')
  .filter({ hasText: text }).first().click();

/** Types a date into an antd date picker and leaves it (Tab: Enter would submit the form). */
export async function date(scope: Locator | Page, label: string, value: string, exact = false): Promise<void> {
  const input = scope.getByLabel(label, { exact });
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

/** 试用期填报 → 新增: the entry drawer with `person` chosen after typing `search` (a name or, as the guide shows, a department). */
export async function openProbationEntry(page: Page, search: string, person: string): Promise<Locator> {
  await page.getByRole('menuitem', { name: '个人信息管理' }).click();
  await page.getByRole('menuitem', { name: '试用期填报' }).click();
  await page.getByTestId('group-table').waitFor();
  await page.getByRole('button', { name: '新增' }).click();
  const drawer = page.getByTestId('probation-entry-drawer');
  await drawer.getByLabel('人员').click();
  await drawer.getByLabel('人员').fill(search);
  await choose(page, person);
  await settled(drawer);
  return drawer;
}

/**
 * Waits until the drawer has read what the chosen person brings (their record, the stored
 * segments) and judged it: until then it re-renders as the data arrives, and a pick made in that
 * instant could miss its option (once in about 60 picks under random network delays, issue 9).
 */
export async function settled(drawer: Locator): Promise<void> {
  await drawer.locator('[data-testid="probation-entry-body"][aria-busy="false"]').waitFor();
}

/** Fills one probation segment card (第 N 段); 考生类型 comes from the previous segment when there is one. */
export async function fillSegment(page: Page, segment: Locator, from: string, to: string, chooseType = false): Promise<void> {
  const chosen = () => segment.locator('[data-field$="_candidateType"] .ant-select').innerText();
  if (chooseType) {
    await segment.getByLabel('考生类型').click();
    await choose(page, /^非应届$/);
  }
  await expect.poll(chosen).toBe('非应届');
  await date(segment, '试用期开始日期', from);
  await date(segment, '试用期结束日期', to);
  await segment.getByLabel('带教老师').fill('王带教');
  await segment.getByLabel('带教执业证书编码').fill('110420100000001');
}

/** The probation records as stored (straight from the database). */
export async function storedProbation(run: BrowserRun): Promise<Array<Record<string, unknown>>> {
  const { db } = run.engine.engine;
  const rows = await db.knex('records').where('entity', 'probation');
  return rows.map((row: { data: unknown }) => db.dialect.parseJson(row.data) as Record<string, unknown>);
}
