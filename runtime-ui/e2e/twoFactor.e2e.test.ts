import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLogin, login, NEW_PASSWORD, openBrowserRun, type BrowserRun } from './browser.js';

/** Issue 9 point 6 in Chromium: enrol an authenticator app in 个人中心, then log in with password and code. */
describe('双因素认证 in Chromium: enrolment with the QR code, then the code at login', () => {
  let run: BrowserRun;
  let secret = '';
  const code = () => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: run.engine.clock.now().getTime() });
  beforeAll(async () => { run = await openBrowserRun(); });
  afterAll(async () => { await run?.close(); });

  it('enrols in 个人中心: QR code and key, the first code, the recovery codes shown once', async () => {
    const { page } = run;
    await firstLogin(run, 'jarmyy001');
    await page.goto(`${run.baseUrl}/profile`);
    await page.getByRole('button', { name: '开启双因素认证' }).click();
    await page.getByRole('button', { name: '开始绑定' }).click();
    expect(await page.getByTestId('two-factor-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    secret = (await page.getByTestId('two-factor-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('应用显示的 6 位验证码').fill(code());
    await page.getByRole('button', { name: '验证并开启' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').allInnerTexts()).toHaveLength(10);
    await page.getByRole('button', { name: '我已保存恢复码，继续' }).click();
    await page.getByText(/剩余未使用的恢复码：10 个/).waitFor();
  });

  it('asks for the code after the password, and opens the app with it', async () => {
    const { page } = run;
    run.engine.clock.advance(30_000); // the enrolment's code is used: the next step's one
    await page.context().clearCookies();
    await page.goto(`${run.baseUrl}/`);
    await login(page, 'jarmyy001', NEW_PASSWORD);
    await page.getByLabel('动态验证码').fill(code());
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.getByTestId('org-name').waitFor();
  });
});
