import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLogin, openBrowserRun, type BrowserRun } from './browser.js';

/** The tree row of a department (its own row, not its children's). */
const node = (page: Page, name: string) => page.locator(`[data-testid="tree-node"][data-title="${name}"]`);
/** Picks an option of the open select / tree select by its exact text. */
const choose = (page: Page, text: string) => page.locator(
  '.ant-select-dropdown:visible .ant-select-item-option, .ant-select-dropdown:visible .ant-select-tree-treenode',
).filter({ hasText: new RegExp(`^${text}$`) }).first().click();

/**
 * 部门管理 as the main account of 江岸区人民医院 sees it: the demo departments as a tree under
 * the institution, a child department added under 内科, 内科 refused deletion with the server's
 * words, the tree filtered by name; then, once empty, 初始化部门 from a template.
 */
describe('部门管理 in Chromium', () => {
  let run: BrowserRun;
  beforeAll(async () => { run = await openBrowserRun(); });
  afterAll(async () => { await run?.close(); });

  it('shows the departments as a tree under the institution, ordered by 排序号', async () => {
    const { page } = run;
    await firstLogin(run, 'jarmyy001');
    await page.getByRole('menuitem', { name: '部门管理' }).click();
    await page.getByTestId('tree-root').filter({ hasText: '江岸区人民医院' }).waitFor();
    await node(page, '心血管内科').waitFor();
    const names = await page.getByTestId('tree-node').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-title')));
    expect(names).toEqual(['内科', '心血管内科', '呼吸内科', '外科', '儿科', '医学检验科', '医务科', '人事科']);
    expect(await node(page, '内科').innerText()).toContain('科室（部门）');
  });

  it('adds a child department under 内科 with its standard name from the tree select', async () => {
    const { page } = run;
    await node(page, '内科').getByRole('button', { name: '添加下级' }).click();
    const drawer = page.getByTestId('record-form-drawer');
    await drawer.getByText('内科', { exact: true }).waitFor(); // 上级部门 filled in
    await drawer.getByLabel('部门名称').fill('消化内科');
    expect(await drawer.getByLabel('科室标准名称').count()).toBe(0); // shown only for the category 科室（部门）
    await drawer.getByLabel('科室（部门）类别').click();
    await choose(page, '科室（部门）');
    await drawer.getByLabel('科室标准名称').fill('消化');
    await choose(page, '消化内科专业');
    await drawer.getByLabel('排序号').fill('3');
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.waitFor({ state: 'detached' });
    await node(page, '消化内科').waitFor();
    const names = await page.getByTestId('tree-node').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-title')));
    expect(names.slice(0, 4)).toEqual(['内科', '心血管内科', '呼吸内科', '消化内科']);
    // Nested under 内科 in the tree's own structure.
    const child = page.getByRole('treeitem').filter({ has: node(page, '消化内科') });
    expect(await child.locator('.ant-tree-indent-unit').count()).toBe(2);
  });

  it('refuses to delete 内科 and says why, in the server\'s words', async () => {
    const { page } = run;
    await node(page, '内科').getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    const dialog = page.locator('.ant-modal-confirm');
    await dialog.locator('.ant-modal-confirm-title').filter({ hasText: '无法删除' }).waitFor();
    expect(await dialog.innerText()).toContain('该部门下还有 3 个下级部门');
    await dialog.getByRole('button', { name: '知道了' }).click();
    await node(page, '内科').waitFor();
  });

  it('filters the tree by name, keeping where the matches are', async () => {
    const { page } = run;
    await page.getByLabel('筛选部门').fill('呼吸');
    await expect.poll(() => page.getByTestId('tree-node').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-title'))))
      .toEqual(['内科', '呼吸内科']);
    await page.getByLabel('筛选部门').fill('口腔');
    await page.getByText('没有名称包含“口腔”的部门').waitFor();
    await page.getByLabel('筛选部门').fill('');
    await node(page, '人事科').waitFor();
  });

  it('when there are no departments, 初始化部门 creates a template\'s tree', async () => {
    const { page, engine } = run;
    // Empty the institution's departments through the records service (children first).
    const { auth, records, db } = engine.engine;
    const account = await db.knex('accounts').where('username', 'jarmyy001').first() as { id: string };
    const actor = await auth.actorForAccount(account.id);
    const all = (await records.list(actor, 'department', { pageSize: '100' })).items;
    for (const d of [...all].sort((a, b) => Number(Boolean(b.data.parentId)) - Number(Boolean(a.data.parentId)))) {
      await records.delete(actor, 'department', d.id);
    }
    await page.reload();
    await page.getByRole('button', { name: '初始化部门' }).click();
    const dialog = page.getByRole('dialog', { name: '初始化部门' });
    await dialog.getByText('基层医疗卫生机构常用科室').click();
    await dialog.getByRole('button', { name: '确定初始化' }).click();
    await dialog.waitFor({ state: 'detached' });
    await node(page, '全科医疗科').waitFor();
    expect(await page.getByRole('button', { name: '初始化部门' }).count()).toBe(0);
    const stored = await records.list(actor, 'department', { pageSize: '100' });
    expect(stored.total).toBeGreaterThan(3);
  });
});
