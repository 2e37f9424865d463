import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeFirstPassword, DEFAULT_PASSWORD, login, NEW_PASSWORD, openBrowserRun, type BrowserRun } from './browser.js';

/**
 * Guide §7: the main account of 江岸区人民医院 creates the role 人事科 that may only view and edit
 * 基本信息, gives it to a new sub-account, and the sub-account then sees nothing else.
 */
describe('系统管理 in Chromium: role, sub-account, what the sub-account sees', () => {
  let run: BrowserRun;
  beforeAll(async () => { run = await openBrowserRun(); });
  afterAll(async () => { await run?.close(); });

  it('the main account logs in and changes its first password', async () => {
    await run.page.goto(`${run.baseUrl}/`);
    await login(run.page, 'jarmyy001', DEFAULT_PASSWORD);
    await changeFirstPassword(run.page);
    await run.page.getByRole('menuitem', { name: '管理角色管理' }).waitFor();
  });

  it('creates the role 人事科 granting only 机构人力资源 → 基本信息 → 查看 and 修改 via the tree', async () => {
    const { page } = run;
    await page.getByRole('menuitem', { name: '管理角色管理' }).click();
    await page.getByTestId('role-table').waitFor();
    await page.getByRole('button', { name: '新增' }).click();
    const drawer = page.getByTestId('role-form-drawer');
    await drawer.getByLabel('角色名称').fill('人事科');
    const node = (path: string) => drawer.getByRole('treeitem', { name: path, exact: true });
    await node('机构人力资源 / 基本信息 / 查看').getByRole('checkbox').click();
    await node('机构人力资源 / 基本信息 / 修改').getByRole('checkbox').click();
    await expect.poll(() => node('机构人力资源 / 基本信息').getAttribute('aria-checked')).toBe('mixed');

    const request = page.waitForRequest((r) => r.url().endsWith('/api/roles') && r.method() === 'POST');
    await drawer.getByRole('button', { name: '保存' }).click();
    expect((await request).postDataJSON()).toMatchObject({ name: '人事科', status: 'active',
      permissions: ['hr.person.view', 'hr.person.update'] });
    await drawer.waitFor({ state: 'detached' });
    await page.getByTestId('role-table').getByRole('row', { name: /人事科/ }).waitFor();
  });

  it('creates the sub-account jarmyrsk01 (人事科) with that role and the default password', async () => {
    const { page } = run;
    await page.getByRole('menuitem', { name: '账号管理' }).click();
    await page.getByTestId('account-table').getByRole('row', { name: /jarmyy001/ }).waitFor();
    await page.getByRole('button', { name: '新增' }).click();
    const dialog = page.getByRole('dialog', { name: '添加用户' });
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-dropdown').getByText('人事科', { exact: true }).click();
    await dialog.getByLabel('账号', { exact: true }).fill('jarmyrsk01');
    await dialog.getByLabel('用户昵称').fill('人事科');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('account-table').getByRole('row', { name: /jarmyrsk01/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('人事科');
  });

  it('the sub-account, once its real name is approved, sees only 基本信息 and cannot add there', async () => {
    const { page, engine } = run;
    // The real-name review comes later: approve it directly.
    const db = engine.engine.db.knex;
    await db('accounts').where('username', 'jarmyrsk01').update({ real_name_status: 'approved' });
    const { id } = await db('accounts').where('username', 'jarmyrsk01').first('id');
    engine.engine.auth.forgetAccount(id);

    await page.getByRole('button', { name: /jarmyy001/ }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await login(page, 'jarmyrsk01', DEFAULT_PASSWORD);
    await changeFirstPassword(page);

    await page.getByRole('menuitem', { name: '基本信息' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '机构人力资源' }).count()).toBe(1);
    for (const hidden of ['部门管理', '机构信息管理', '系统管理', '管理角色管理', '账号管理']) {
      expect(await page.getByRole('menuitem', { name: hidden }).count(), hidden).toBe(0);
    }
    await page.getByRole('menuitem', { name: '基本信息' }).click();
    await page.getByTestId('record-table').waitFor();
    expect(await page.getByRole('button', { name: '新增' }).count()).toBe(0);
  });
});
