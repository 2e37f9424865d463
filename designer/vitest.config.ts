import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'designer',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    // The same jsdom shims as the runtime's tests (matchMedia, ResizeObserver, cleanup).
    setupFiles: ['../runtime-ui/src/testing/setup.ts'],
    passWithNoTests: true,
    testTimeout: 20_000,
  },
});
