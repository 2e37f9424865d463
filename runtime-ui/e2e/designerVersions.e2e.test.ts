import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeFirstPassword, DEFAULT_PASSWORD, login, NEW_PASSWORD, openBrowserRun, type BrowserRun } from './browser.js';

const RULE = 'startNotAfterEnd';
const MESSAGE = '试用期开始日期（{startDate}）不能晚于结束日期（{endDate}），请检查两个日期。';

const publish = async (page: Page, note: string) => {
  await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
  await page.getByRole('button', { name: '发布', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '发布草稿' });
  await dialog.getByLabel('发布说明').fill(note);
  const answer = page.waitForResponse((r) => r.url().endsWith('/probation-2024/publish'));
  await dialog.getByRole('button', { name: '确认发布' }).click();
  return { dialog, response: await answer };
};

/**
 * Versions in the designer (R-12.3/R-12.4): a FEEL mistake is pointed out while typing and publishing
 * it is refused with the reason; a valid change is published as v2 with its diff; rolling back
 * publishes v1's content again as v3; an institution account gets a clear refusal page.
 */
describe('定义设计器: errors, diff, publish and rollback of a rule set in Chromium', () => {
  let run: BrowserRun;
  beforeAll(async () => { run = await openBrowserRun(); });
  afterAll(async () => { await run?.close(); });

  it('shows a FEEL syntax error as it is typed, keeps the draft, and refuses to publish it with the reason', async () => {
    const { page, baseUrl } = run;
    await page.goto(`${baseUrl}/designer/#/ruleset/probation-2024`);
    await page.waitForURL(/\/\?next=%2Fdesigner%2F%23%2Fruleset%2Fprobation-2024$/); // sent to log in, told where to return
    await login(page, 'hbwjw0001', DEFAULT_PASSWORD);
    await changeFirstPassword(page, 'ruleset-editor');
    const rule = page.getByTestId(`rule-${RULE}`);
    await page.getByText(RULE, { exact: true }).click();
    const assert = rule.getByLabel('须满足');
    await assert.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' and');
    await rule.getByText(/^第 \d+ 个字符.*(不完整|无法识别)/).waitFor();
    await page.screenshot({ path: '/tmp/h2-feel.png' });

    const { dialog, response } = await publish(page, '不应发布');
    expect(response.status()).toBe(422);
    const refused = dialog.getByTestId('publish-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('rules › 第 1 项 › assert');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await page.getByTestId('definition-page').getByTestId('problems').innerText()).toContain('rules › 第 1 项 › assert');
  });

  it('publishes a corrected message as v2, with the change in the diff', async () => {
    const { page } = run;
    const rule = page.getByTestId(`rule-${RULE}`);
    await rule.getByLabel('须满足').click();
    for (let i = 0; i < ' and'.length; i += 1) await page.keyboard.press('Backspace');
    await rule.getByLabel('提示信息').fill(MESSAGE);
    await page.getByTestId('problems-none').waitFor();
    await page.getByRole('tab', { name: '对比' }).click();
    await expect.poll(() => page.getByTestId('diff').innerText()).toContain(MESSAGE);
    expect(await page.getByTestId('diff').innerText()).toContain('rules › 第 1 项 › message');

    const { response } = await publish(page, '提示更清楚');
    expect(response.status()).toBe(201);
    await page.getByText('已发布 v2，立即生效。').waitFor();
  });

  it('rolls back to v1: v1\'s content is published again as v3 and v1, v2 stay as they were', async () => {
    const { page } = run;
    await page.getByRole('tab', { name: /版本历史/ }).click();
    const v1 = page.getByTestId('versions').locator('tbody tr').filter({ hasText: /^v1/ });
    await v1.getByRole('button', { name: '回滚到此版本' }).click();
    const rolledBack = page.waitForResponse((r) => r.url().endsWith('/probation-2024/rollback'));
    await page.getByRole('button', { name: '确认回滚' }).click();
    expect((await rolledBack).status()).toBe(201);
    await page.getByText('已把 v1 的内容重新发布为 v3，立即生效。').waitFor();
    await page.getByTestId('definition-page').getByText('已发布 v3').waitFor();
    const rows = page.getByTestId('versions').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().innerText()).toContain('回滚到 v1');
  });

  it('keeps what was typed when the session ends: after logging in again it is offered back and saved', async () => {
    const { page, engine } = run;
    const TITLE = '2024 年度医师资格考试试用期填报规则（修订中）';
    await page.getByRole('tab', { name: '编辑' }).click();
    await page.context().clearCookies(); // the session is gone, as after a timeout
    await page.getByTestId('ruleset-editor').getByLabel('名称').fill(TITLE);
    await page.waitForURL(/\/\?next=%2Fdesigner%2F%23%2Fruleset%2Fprobation-2024$/);
    await login(page, 'hbwjw0001', NEW_PASSWORD);
    const offer = page.getByTestId('unsaved-backup');
    await offer.getByRole('button', { name: '恢复这些修改' }).click();
    await expect.poll(() => page.getByTestId('ruleset-editor').getByLabel('名称').inputValue()).toBe(TITLE);
    const stored = async () => {
      const row = await engine.engine.db.knex('definition_drafts').where({ kind: 'ruleset', key: 'probation-2024' }).first();
      return row ? (engine.engine.db.dialect.parseJson(row.content) as { title: string }).title : undefined;
    };
    await expect.poll(stored, { timeout: 10_000 }).toBe(TITLE);
    await page.getByRole('button', { name: '放弃草稿' }).click();
    await page.getByRole('button', { name: '放弃草稿' }).last().click();
    await expect.poll(stored).toBeUndefined();
  });

  it('shows the bureau an entity form read-only, without publishing', async () => {
    const { page, baseUrl } = run;
    await page.goto(`${baseUrl}/designer/#/entity/person`);
    const definition = page.getByTestId('definition-page');
    await definition.getByText('您可以查看此定义，但没有修改和发布它的权限。').waitFor();
    expect(await definition.getByRole('button', { name: '发布', exact: true }).count()).toBe(0);
  });

  it('finds dictionaries by title in the list', async () => {
    const { page } = run;
    await page.getByRole('link', { name: '实体表单' }).click(); // the breadcrumb back to the list
    await page.getByRole('tab', { name: '字典' }).click();
    await page.getByLabel('搜索定义').fill('学');
    await page.getByLabel('搜索定义').press('Enter');
    const titles = page.getByTestId('definition-list').locator('tbody tr td:first-child');
    await expect.poll(async () => (await titles.allInnerTexts()).sort()).toEqual(['学位', '学历']);
  });

  it('tells an institution account that the designer is not theirs', async () => {
    const { page, baseUrl } = run;
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/designer/`);
    await page.waitForURL(/\/\?next=/);
    await login(page, 'jarmyy001', DEFAULT_PASSWORD);
    await changeFirstPassword(page, 'designer-forbidden');
    expect(await page.getByTestId('designer-forbidden').innerText()).toContain('没有使用定义设计器的权限');
  });
});
