import { cleanup } from '@testing-library/react';
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

// vitest globals are off, so testing-library cannot register its own cleanup.
afterEach(() => cleanup());
