import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const DEFAULT_PASSWORD = 'Zjrj@-2007';
export const NEW_PASSWORD = 'Hosp#2024!x';

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The forced first-login change: the policy's rules are listed, then the main layout (or the page marked `landing`) opens. */
export async function changeFirstPassword(page: Page, landing = 'org-name'): Promise<void> {
  await page.getByText('新密码须符合以下要求：').waitFor();
  await page.getByLabel('原密码').fill(DEFAULT_PASSWORD);
  await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: '确认修改' }).click();
  await page.getByTestId(landing).waitFor();
}
/** A demo account's first session: open the app, log in with the default password, change it. */
export async function firstLogin(run: { page: Page; baseUrl: string }, username: string): Promise<void> {
  await run.page.goto(`${run.baseUrl}/`);
  await login(run.page, username, DEFAULT_PASSWORD);
  await changeFirstPassword(run.page);
}

import { repoRoot } from '../../engine/src/config/index.js';
import { watchPage } from './diagnostics.js';
import { startTestEngine, testDatabases, type TestDatabase, type TestEngine } from '../../engine/src/testing/index.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Flags that keep Chromium quiet on a closed network (stack notes).
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserRun { page: Page; baseUrl: string; engine: TestEngine; close(): Promise<void> }

/** A real engine on SQLite serving the built runtime UI, and a fresh headless Chromium page on it. */
export async function openBrowserRun(): Promise<BrowserRun> {
  const dist = path.join(repoRoot, 'runtime-ui/dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('runtime-ui/dist is missing: run `npm run build:ui` first');
  const [, makeDatabase] = testDatabases().find(([name]) => name === 'sqlite') ?? testDatabases()[0]!;
  const database: TestDatabase = await makeDatabase();
  const engine = await startTestEngine(database, { staticDirs: { runtimeUi: dist, designer: path.join(repoRoot, 'designer/dist') } });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  watchPage(page);
  return {
    page, baseUrl: engine.baseUrl, engine,
    close: async () => {
      await browser.close();
      await engine.close();
      await database.dispose();
    },
  };
}
