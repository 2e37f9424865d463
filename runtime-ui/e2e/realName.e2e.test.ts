import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JPEG_1X1, PNG_1X1, residentId } from '../../engine/src/testing/index.js';
import { DEFAULT_PASSWORD, login, NEW_PASSWORD, openBrowserRun, type BrowserRun } from './browser.js';
import { watchPage } from './diagnostics.js';

const file = (name: string, mimeType: string, buffer: Buffer) => ({ name, mimeType, buffer });

/**
 * in Chromium: a new sub-account fills 实名认证, downloads the filled PDF, uploads the
 * stamped scan and submits; the main account approves in 待办审批; the sub-account's page reloads
 * into the normal layout with its functions, without logging in again.
 */
describe('实名认证 in Chromium: sub-account applies, main account approves, the functions open', () => {
  let run: BrowserRun;
  beforeAll(async () => {
    run = await openBrowserRun();
    const main = run.engine.client();
    await main.firstLogin('jarmyy001');
    const role = await main.post('/api/roles', { name: '人事科', permissions: ['hr.person.view'] });
    expect(role.status).toBe(201);
    const account = await main.post('/api/accounts', { roleId: role.body.id, username: 'jarmyrsk01', nickname: '人事科', mobile: '13800138000' });
    expect(account.status).toBe(201);
  });
  afterAll(async () => { await run?.close(); });

  it('the sub-account logs in, changes its first password and lands on the real-name form', async () => {
    const { page } = run;
    await page.goto(`${run.baseUrl}/`);
    await login(page, 'jarmyrsk01', DEFAULT_PASSWORD);
    await page.getByLabel('原密码').fill(DEFAULT_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    await expect.poll(() => page.getByTestId('real-name-status').innerText()).toContain('未提交');
  });

  it('a refused save shows the problems under the fields and keeps the input', async () => {
    const { page } = run;
    await page.getByLabel('姓名').fill('李四');
    await page.getByLabel('手机号码').fill('123');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('手机号码应为 11 位中国大陆手机号码').waitFor();
    await page.getByText('身份证正面照片：请上传身份证照片').waitFor();
    expect(await page.getByLabel('姓名').inputValue()).toBe('李四');
  });

  it('fills and saves the form, downloads the filled application form as a PDF', async () => {
    const { page } = run;
    await page.getByLabel('证件类型').click();
    await page.locator('.ant-select-dropdown').getByText('居民身份证', { exact: true }).click();
    await page.getByLabel('证件号码').fill(residentId('1990-05-17', '123'));
    await page.getByLabel('手机号码').fill('13800138000');
    await page.getByTestId('upload-frontImageId').locator('input[type=file]').setInputFiles(file('正面.jpg', 'image/jpeg', JPEG_1X1));
    await page.getByTestId('upload-frontImageId').getByText('已上传：正面.jpg').waitFor();
    await page.getByTestId('upload-backImageId').locator('input[type=file]').setInputFiles(file('反面.png', 'image/png', PNG_1X1));
    await page.getByTestId('upload-backImageId').getByText('已上传：反面.png').waitFor();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/real-name') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: '保存' }).click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByTestId('real-name-status').innerText()).toContain('信息已保存');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载申请表' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toBe('实名认证申请表-李四.pdf');
    const stream = await pdf.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('uploads the stamped scan and submits: the status is 审核中 and the form is locked', async () => {
    const { page } = run;
    await page.getByTestId('upload-scanFileId').locator('input[type=file]').setInputFiles(file('盖章扫描件.jpg', 'image/jpeg', JPEG_1X1));
    await page.getByTestId('upload-scanFileId').getByText('已上传：盖章扫描件.jpg').waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => page.getByTestId('real-name-status').innerText()).toContain('审核中');
    expect(await page.getByRole('button', { name: '提交审核' }).count()).toBe(0);
    expect(await page.getByLabel('姓名').isDisabled()).toBe(true);
  });

  it('the main account approves in 待办审批 (同意)', async () => {
    const context = await run.page.context().browser()!.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      watchPage(page);
      await page.goto(`${run.baseUrl}/`);
      await login(page, 'jarmyy001', NEW_PASSWORD);
      await page.getByTestId('org-name').waitFor();
      await page.getByRole('menuitem', { name: /待办审批/ }).click();
      const row = page.getByTestId('task-table').getByRole('row').filter({ hasText: '实名' }).first();
      await row.getByRole('button', { name: '处理' }).click();
      const drawer = page.getByTestId('task-drawer');
      await drawer.getByText('李四').first().waitFor();
      const completed = page.waitForResponse((r) => r.url().includes('/complete') && r.request().method() === 'POST');
      await drawer.getByRole('button', { name: '同意', exact: true }).click();
      expect((await completed).status()).toBe(200);
    } finally {
      await context.close();
    }
  });

  it('the sub-account reloads and sees its functions without logging in again', async () => {
    const { page } = run;
    await page.reload();
    await page.getByTestId('org-name').waitFor();
    await page.getByRole('menuitem', { name: '基本信息' }).waitFor();
    expect(await page.getByTestId('real-name-status').count()).toBe(0);
  });
});
