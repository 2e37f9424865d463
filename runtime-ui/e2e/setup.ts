import { afterEach } from 'vitest';
import { describeWatchedPages } from './diagnostics.js';

// After a failed test: what the browser saw (refused calls, errors, open drawers), ID numbers masked.
afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  console.log(`[e2e diagnostics] ${context.task.name}\n${await describeWatchedPages()}`);
});
