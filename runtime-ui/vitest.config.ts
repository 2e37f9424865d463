import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'runtime-ui',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    passWithNoTests: true,
    // antd renders in jsdom are CPU-bound; on a busy 2-core machine a test of several screens can pass 5 s.
    testTimeout: 20_000,
  },
});
