import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLogin, openBrowserRun, type BrowserRun } from './browser.js';

/**
 * 机构岗位管理 / 映射管理: a new post is listed under 未映射 (and counted there); mapping it to
 * a standard post takes it out of that tab.
 */
describe('机构岗位管理 in Chromium', () => {
  let run: BrowserRun;
  beforeAll(async () => { run = await openBrowserRun(); });
  afterAll(async () => { await run?.close(); });

  const unmappedCount = async () => Number(await run.page.getByTestId('unmapped-tab').locator('.ant-badge').innerText());
  const rows = () => run.page.getByTestId('record-table').locator('tbody tr.ant-table-row');

  it('adds a post without a standard post: it is counted and listed as 未映射', async () => {
    const { page } = run;
    await firstLogin(run, 'jarmyy001');
    await page.getByRole('menuitem', { name: '机构岗位管理' }).click();
    await page.getByTestId('record-table').waitFor();
    await expect.poll(unmappedCount).toBe(0);
    for (const name of ['内科医师', '护士长']) {
      await page.getByRole('button', { name: '新增' }).click();
      const drawer = page.getByTestId('record-form-drawer');
      await drawer.getByLabel('岗位名称').fill(name);
      await drawer.getByRole('button', { name: '保存' }).click();
      await drawer.waitFor({ state: 'detached' });
    }
    await expect.poll(unmappedCount).toBe(2);
    await page.getByTestId('unmapped-tab').click();
    await expect.poll(async () => (await rows().allInnerTexts()).map((t) => t.split('\t')[0])).toEqual(['内科医师', '护士长']);
  });

  it('maps 内科医师 to a standard post: it leaves the 未映射 tab and shows its standard post under 全部', async () => {
    const { page } = run;
    await rows().filter({ hasText: '内科医师' }).getByRole('button', { name: '映射' }).click();
    const dialog = page.getByRole('dialog', { name: '映射「内科医师」' });
    // The dropdown takes the select's width when it opens: let the dialog finish zooming in first.
    await expect.poll(() => dialog.getAttribute('class')).not.toContain('ant-zoom');
    await dialog.getByLabel('对应标准岗位').fill('专业技术八级');
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode').filter({ hasText: /^专业技术八级$/ }).click();
    await dialog.locator('.ant-select').filter({ hasText: '专业技术八级' }).waitFor();
    await dialog.getByRole('button', { name: '保存映射' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(unmappedCount).toBe(1);
    await expect.poll(async () => (await rows().allInnerTexts()).map((t) => t.split('\t')[0])).toEqual(['护士长']);

    await page.getByRole('tab', { name: '全部' }).click();
    const mapped = rows().filter({ hasText: '内科医师' });
    await mapped.waitFor();
    expect(await mapped.innerText()).toContain('专业技术八级');
  });
});
