import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { departmentId, personData } from '../../engine/src/testing/index.js';
import { changeFirstPassword, DEFAULT_PASSWORD, login, openBrowserRun, type BrowserRun } from './browser.js';
import { watchPage } from './diagnostics.js';

/** A demo account's first visit to the designer (sent to log in, back to /designer/), then a definition opened from its kind's tab. */
export async function openDesignerDefinition(run: BrowserRun, username: string, kindTab: string, title: string): Promise<void> {
  const { page, baseUrl } = run;
  await page.goto(`${baseUrl}/designer/`);
  await page.waitForURL(/\/\?next=%2Fdesigner%2F/);
  await login(page, username, DEFAULT_PASSWORD);
  await changeFirstPassword(page, 'designer-user');
  await page.getByRole('tab', { name: kindTab }).click();
  await page.getByTestId('definition-list').getByRole('link', { name: title }).click();
}

/** 发布 → 确认发布 once the draft is saved; waits for the confirmation of the new version. */
export async function publishDraft(page: Page): Promise<void> {
  await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('dialog', { name: '发布草稿' }).getByRole('button', { name: '确认发布' }).click();
  await page.getByText(/已发布 v\d+，立即生效/).waitFor();
}

/** A second user's page in its own browser context (its own session), logged in at the runtime app. */
export async function otherUserPage(run: BrowserRun, username: string, password: string): Promise<Page> {
  const context = await run.page.context().browser()!.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  watchPage(page);
  await page.goto(`${run.baseUrl}/`);
  await login(page, username, password);
  if (password === DEFAULT_PASSWORD) await changeFirstPassword(page);
  else await page.getByTestId('org-name').waitFor();
  return page;
}

/**
 * A browser run for a `describe` block with a scratch folder (downloads) and one person of 江岸区人民医院
 * on file (its main account's first login made through the API); both thrown away after the block.
 */
export function useDesignerRun(person: Record<string, unknown> = {}): { run: BrowserRun; dir: string } {
  const handle = {} as { run: BrowserRun; dir: string };
  beforeAll(async () => {
    handle.run = await openBrowserRun();
    handle.dir = await fs.mkdtemp(path.join(os.tmpdir(), 'designer-e2e-'));
    const clerk = handle.run.engine.client();
    await clerk.firstLogin('jarmyy001');
    const created = await clerk.post('/api/data/person', { data: personData({ departmentId: await departmentId(clerk, '内科'), ...person }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  });
  afterAll(async () => {
    await handle.run?.close();
    if (handle.dir) await fs.rm(handle.dir, { recursive: true, force: true });
  });
  return handle;
}
