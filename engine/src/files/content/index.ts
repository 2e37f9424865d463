export { cleanContent } from './clean.js';
export { PixelBudget } from './PixelBudget.js';
export { DEFAULT_CONTENT_LIMITS, type CleanContext, type ContentLimits } from './types.js';
