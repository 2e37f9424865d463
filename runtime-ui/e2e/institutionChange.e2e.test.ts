import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLogin, openBrowserRun, type BrowserRun } from './browser.js';
import { watchPage } from './diagnostics.js';

/**
 * in Chromium: the institution requests a change of a 主体信息 field, the district bureau
 * sends it back with a reason, the institution revises and resubmits, the bureau sees 修改前 → 修改后
 * and the diagram with the current task highlighted, approves; the institution's page shows the new value.
 */
describe('机构信息修改 in Chromium: request, send back, revise, approve', () => {
  let run: BrowserRun;
  let bureau: Page;

  const panel = () => run.page.getByTestId('change-request-panel');
  const openInstitutionInfo = async (page: Page) => {
    await page.getByRole('menuitem', { name: '机构信息维护' }).click();
    await page.getByTestId('change-request-panel').waitFor();
  };
  const openReview = async () => {
    await bureau.reload();
    await bureau.getByTestId('org-name').waitFor();
    await bureau.getByRole('menuitem', { name: /待办审批/ }).click();
    await bureau.getByTestId('task-table').getByRole('row').filter({ hasText: '机构信息' }).first().getByRole('button', { name: '处理' }).click();
    const drawer = bureau.getByTestId('task-drawer');
    await drawer.getByTestId('field-changes').waitFor();
    return drawer;
  };
  const complete = async (button: string) => {
    const completed = bureau.waitForResponse((r) => r.url().includes('/complete') && r.request().method() === 'POST');
    await bureau.getByTestId('task-drawer').getByRole('button', { name: button, exact: true }).click();
    expect((await completed).status()).toBe(200);
  };

  beforeAll(async () => {
    run = await openBrowserRun();
    const context = await run.page.context().browser()!.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    bureau = await context.newPage();
    watchPage(bureau);
    await firstLogin({ page: bureau, baseUrl: run.baseUrl }, 'jawjj0001');
  });
  afterAll(async () => { await run?.close(); });

  it('the institution requests a new 法定代表人; the record stays as it is while the request waits', async () => {
    const { page } = run;
    await firstLogin(run, 'jarmyy001');
    await openInstitutionInfo(page);
    await panel().getByRole('button', { name: '申请修改主体信息' }).click();
    const dialog = page.getByRole('dialog', { name: '申请修改主体信息' });
    expect(await dialog.getByLabel('机构名称').inputValue()).toBe('江岸区人民医院');
    await dialog.getByLabel('法定代表人').fill('赵六');
    await dialog.getByLabel('修改原因').fill('法定代表人变更');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/change-requests/institution') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: '提交申请' }).click();
    expect((await created).status()).toBe(201);
    await panel().getByTestId('pending-change-request').getByText('待审核').waitFor();
    expect(await panel().getByTestId('field-changes').innerText()).toContain('赵六');
    expect(await page.locator('[data-section="基本信息"]').getByLabel('法定代表人').inputValue()).not.toBe('赵六');
  });

  it('the district bureau sees 修改前 → 修改后 and sends it back with a reason', async () => {
    const drawer = await openReview();
    expect(await drawer.getByTestId('changed-value').innerText()).toBe('赵六');
    await drawer.getByLabel('意见').fill('请附法定代表人任命文件编号');
    await complete('退回修改');
  });

  it('the institution reads the reason, revises and resubmits', async () => {
    const { page } = run;
    await page.reload();
    await openInstitutionInfo(page);
    const pending = panel().getByTestId('pending-change-request');
    await pending.getByText('已退回待修改').waitFor();
    expect(await pending.innerText()).toContain('退回原因：请附法定代表人任命文件编号');
    await pending.getByRole('button', { name: '修改后重新提交' }).click();
    const dialog = page.getByRole('dialog', { name: '修改后重新提交' });
    expect(await dialog.getByLabel('法定代表人').inputValue()).toBe('赵六');
    await dialog.getByLabel('法定代表人').fill('赵七');
    await dialog.getByLabel('修改原因').fill('法定代表人变更，任命文件编号 鄂卫〔2026〕12号');
    const revised = page.waitForResponse((r) => r.url().includes('/api/change-requests/') && r.request().method() === 'PUT');
    await dialog.getByRole('button', { name: '重新提交' }).click();
    expect((await revised).status()).toBe(200);
    await pending.getByText('待审核').waitFor();
  });

  it('the bureau sees the revision and the diagram with its own task highlighted, and approves', async () => {
    const drawer = await openReview();
    expect(await drawer.getByTestId('changed-value').innerText()).toBe('赵七');
    expect(await drawer.innerText()).toContain('任命文件编号');
    const active = drawer.locator('.djs-element.zj-node-active[data-element-id="Task_BureauReview"]');
    await active.waitFor();
    expect(await drawer.locator('.djs-element.zj-node-done[data-element-id="Task_Revise"]').count()).toBe(1);
    expect(await drawer.getByTestId('diagram-active').innerText()).toContain('上级卫生健康局审核');
    const events = await drawer.getByTestId('history-event').allInnerTexts();
    expect(events.join('\n')).toContain('审批：退回修改 · ');
    expect(events.join('\n')).toContain('（江岸区卫生健康局）');
    await complete('同意');
  });

  it("the institution's page shows the new value and the request as 已通过", async () => {
    const { page } = run;
    await page.reload();
    await openInstitutionInfo(page);
    await page.locator('[data-section="基本信息"]').getByLabel('法定代表人').waitFor();
    await expect.poll(() => page.locator('[data-section="基本信息"]').getByLabel('法定代表人').inputValue()).toBe('赵七');
    await panel().getByTestId('change-request-table').getByText('已通过').waitFor();
    expect(await panel().getByTestId('pending-change-request').count()).toBe(0);
  });
});
