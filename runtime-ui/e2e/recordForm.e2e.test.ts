import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeFirstPassword, DEFAULT_PASSWORD, login, openBrowserRun, type BrowserRun } from './browser.js';

/**
 * A hospital HR clerk's first session: log in, change the default password, open 人员基本信息,
 * create a person with a wrong ID number (the server's message lands under the field and nothing
 * typed is lost), fix it, save, find the person in the list by search, edit and save again.
 */
describe('runtime UI in Chromium', () => {
  let run: BrowserRun;
  beforeAll(async () => { run = await openBrowserRun(); });
  afterAll(async () => { await run?.close(); });

  it('logs in and forces the first password change', async () => {
    const { page, baseUrl } = run;
    await page.goto(`${baseUrl}/`);
    await login(page, 'jarmyy001', DEFAULT_PASSWORD);
    await changeFirstPassword(page);
    expect(await page.locator('header').innerText()).toContain('江岸区人民医院');
  });

  it('shows the entities the user may use in the menu', async () => {
    const { page } = run;
    for (const title of ['机构信息管理', '机构人力资源', '部门管理', '基本信息']) {
      await page.getByRole('menuitem', { name: title }).first().waitFor({ state: 'visible' });
    }
    expect(await page.getByRole('menuitem', { name: '定义设计器' }).count()).toBe(0);
  });

  it('puts the server\'s ID-number error under the field, keeps the input, then saves the corrected record', async () => {
    const { page } = run;
    await page.getByRole('menuitem', { name: '基本信息' }).click();
    await page.getByTestId('record-table').waitFor();
    await page.getByRole('button', { name: '新增' }).click();
    const drawer = page.getByTestId('record-form-drawer');
    await drawer.getByLabel('姓名').fill('张三');
    await drawer.getByLabel('证件号码').fill('420102199001011234');
    await drawer.getByLabel('所在部门').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '心血管内科' }).click();
    await drawer.getByLabel('在职状态').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '在岗人员' }).click();
    await drawer.getByRole('button', { name: '保存' }).click();

    const idError = drawer.locator('.ant-form-item').filter({ has: page.getByLabel('证件号码') }).locator('.ant-form-item-explain-error');
    await idError.first().waitFor();
    expect(await idError.first().innerText()).toContain('校验位');
    expect(await drawer.getByLabel('姓名').inputValue()).toBe('张三');

    await drawer.getByLabel('证件号码').fill('11010519491231002x');
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.waitFor({ state: 'detached' });
    const row = page.getByTestId('record-table').locator('tbody tr').filter({ hasText: '张三' });
    await row.waitFor();
    expect(await row.innerText()).toContain('11010519491231002X');
  });

  it('finds the person by search and edits the record', async () => {
    const { page } = run;
    await page.getByPlaceholder(/搜索/).fill('张三');
    await page.getByPlaceholder(/搜索/).press('Enter');
    const row = page.getByTestId('record-table').locator('tbody tr').filter({ hasText: '张三' });
    await row.getByRole('button', { name: '修改' }).click();
    const drawer = page.getByTestId('record-form-drawer');
    await drawer.getByLabel('手机号码').fill('1380013800');
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.locator('.ant-form-item-explain-error').first().waitFor();
    await drawer.getByLabel('手机号码').fill('13800138000');
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.waitFor({ state: 'detached' });
    const stored = await run.engine.engine.db.knex('records').where('entity', 'person').first();
    expect(run.engine.engine.db.dialect.parseJson(stored.data)).toMatchObject({ name: '张三', mobile: '13800138000' });
  });
});
