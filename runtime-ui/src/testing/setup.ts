import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// antd's responsive components ask matchMedia, which jsdom lacks.
if (!window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
}

// antd's Tree (and other measured components) observe their size; jsdom has no ResizeObserver.
window.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

// The first antd render of a file can take over a second on a busy 2-core machine (CI runs the
// engine and UI suites side by side); findBy*/waitFor wait up to 5 s for what must appear.
configure({ asyncUtilTimeout: 5000 });

// vitest globals are off, so testing-library cannot register its own cleanup.
afterEach(() => cleanup());
