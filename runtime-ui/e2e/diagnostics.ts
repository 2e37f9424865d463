import type { Page } from 'playwright-core';
import { maskIdNumbersDeep } from '../../engine/src/audit/index.js';

/**
 * What a failed browser test leaves to read: the page's refused API calls, script errors and the
 * text of its open drawers and dialogs. A flaky step otherwise shows only as a timeout. Everything
 * printed has ID numbers masked (CI greps its whole output for them).
 */
const KEPT = 40;
const watched = new Map<Page, string[]>();

export function watchPage(page: Page): void {
  const events: string[] = [];
  const start = Date.now();
  const note = (line: string) => {
    events.push(`+${Date.now() - start} ms ${line}`);
    if (events.length > KEPT) events.shift();
  };
  watched.set(page, events);
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/') && response.status() >= 400) note(`${response.status()} ${response.request().method()} ${url.pathname}`);
  });
  page.on('pageerror', (error) => note(`page error: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') note(`console error: ${message.text()}`); });
  page.on('close', () => watched.delete(page));
}

const OPEN_LAYERS = '[role="dialog"]:visible';

async function openLayers(page: Page): Promise<string[]> {
  try {
    const layers = page.locator(OPEN_LAYERS);
    const count = await layers.count();
    const texts: string[] = [];
    for (let i = 0; i < count; i += 1) texts.push((await layers.nth(i).innerText({ timeout: 2_000 })).replace(/\s+/g, ' ').slice(0, 2_000));
    return texts;
  } catch (error) {
    return [`(could not read the page: ${(error as Error).message.split('\n')[0]})`];
  }
}

/** The report for every watched page, masked; empty when there is nothing to say. */
export async function describeWatchedPages(): Promise<string> {
  const parts: string[] = [];
  for (const [page, events] of watched) {
    const layers = await openLayers(page);
    parts.push([`page ${page.url()}`, ...events.map((e) => `  ${e}`), ...layers.map((t) => `  open layer: ${t}`)].join('\n'));
  }
  return maskIdNumbersDeep(parts.join('\n')) as string;
}
