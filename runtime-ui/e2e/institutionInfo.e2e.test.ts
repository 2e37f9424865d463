import type { LocationRequestView } from '@zjrj/engine/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLogin, openBrowserRun, type BrowserRun } from './browser.js';
import { watchPage } from './diagnostics.js';

const WUHAN = { longitude: 114.305539, latitude: 30.593099, accuracy: 12 };

/**
 * 机构信息维护: the institution's one record in its sections, the legal-entity fields read-only;
 * 手机定位: a phone (a second browser without a session) opens the QR code's page, sends its
 * position, the desktop shows it, 确认使用 fills the coordinates, and the clerk saves.
 */
describe('机构信息维护 and 手机定位 in Chromium', () => {
  let run: BrowserRun;
  beforeAll(async () => { run = await openBrowserRun(); });
  afterAll(async () => { await run?.close(); });

  it('shows the institution in the sections of its definition, 主体信息 read-only', async () => {
    const { page } = run;
    await firstLogin(run, 'jarmyy001');
    await page.getByRole('menuitem', { name: '机构信息维护' }).click();
    await page.locator('[data-section]').first().waitFor();
    const sections = await page.locator('[data-section]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-section')));
    expect(sections).toEqual(['基本信息', '机构信息', '分院信息', '附件']);
    const basic = page.locator('[data-section="基本信息"]');
    expect(await basic.getByLabel('机构名称').inputValue()).toBe('江岸区人民医院');
    expect(await basic.getByLabel('机构名称').isDisabled()).toBe(true);
    expect(await basic.innerText()).toContain('机构信息修改');
  });

  it('takes the coordinates from a phone that scanned the QR code, after 确认使用, and saves them', async () => {
    const { page, engine } = run;
    const created = page.waitForResponse((r) => r.url().endsWith('/api/location-requests') && r.request().method() === 'POST');
    await page.locator('[data-section="机构信息"]').getByRole('button', { name: '手机定位' }).click();
    const request = await (await created).json() as LocationRequestView;
    await page.getByTestId('location-qr').waitFor();

    // The phone: no session, location allowed.
    const phone = await page.context().browser()!.newContext({ geolocation: WUHAN, permissions: ['geolocation'], locale: 'zh-CN',
      viewport: { width: 390, height: 844 } });
    const mobile = await phone.newPage();
    watchPage(mobile);
    await mobile.goto(request.url);
    await mobile.getByText(/江岸区人民医院/).first().waitFor();
    await mobile.getByRole('button', { name: /获取当前位置/ }).click();
    expect(await mobile.getByTestId('reported-longitude').innerText()).toBe(String(WUHAN.longitude));
    await mobile.getByRole('button', { name: /发送/ }).click();
    await mobile.getByText('位置已发送').waitFor();
    await phone.close();

    const dialog = page.getByRole('dialog', { name: '手机定位' });
    await dialog.getByTestId('reported-latitude').waitFor();
    expect(await dialog.innerText()).toContain('约 12 米');
    expect(await page.getByLabel('经度').inputValue()).toBe(''); // nothing filled before 确认使用
    await dialog.getByRole('button', { name: '确认使用' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByLabel('经度').inputValue()).toBe(String(WUHAN.longitude));
    expect(await page.getByLabel('纬度').inputValue()).toBe(String(WUHAN.latitude));

    await page.getByRole('button', { name: '保存' }).first().click();
    await page.getByText('保存成功').waitFor();
    const { db } = engine.engine;
    const rows = await db.knex('records').where('entity', 'institution') as Array<{ data: string }>;
    const stored = rows.map((r) => db.dialect.parseJson(r.data) as Record<string, unknown>);
    expect(stored.find((d) => d.name === '江岸区人民医院')).toMatchObject({ longitude: WUHAN.longitude, latitude: WUHAN.latitude });
  });
});
