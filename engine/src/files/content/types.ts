import type { PixelBudget } from './PixelBudget.js';

/** Limits of what an upload's content may be (configuration: `UPLOAD_MAX_PIXELS`, `UPLOAD_DECODE_BUDGET_PIXELS`). */
export interface ContentLimits {
  /** Largest image, width × height, checked from the header before decoding. */
  maxImagePixels: number;
  /** Pixels of all images decoding at once in one engine (a 40-megapixel image takes about 150 MB). */
  decodeBudgetPixels: number;
}

/** The default limits: 40 megapixels (a 7000×5700 photo; phones take 12 to 50), two such images decoding at once. */
export const DEFAULT_CONTENT_LIMITS: ContentLimits = { maxImagePixels: 40_000_000, decodeBudgetPixels: 80_000_000 };

/** What cleaning an upload's content works within: the limits, and the engine's decoding budget. */
export interface CleanContext {
  limits: ContentLimits;
  budget: PixelBudget;
}
