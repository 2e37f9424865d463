import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: Debian chromium driven by playwright-core against a real engine that
// serves the built runtime UI (run `npm run build:ui` first; .ci/run does).
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['runtime-ui/e2e/**/*.e2e.test.ts'],
    setupFiles: ['runtime-ui/e2e/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
