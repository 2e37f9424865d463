import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../../engine/src/config/index.js';
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
  const engine = await startTestEngine(database, { staticDirs: { runtimeUi: dist } });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  return {
    page, baseUrl: engine.baseUrl, engine,
    close: async () => {
      await browser.close();
      await engine.close();
      await database.dispose();
    },
  };
}
