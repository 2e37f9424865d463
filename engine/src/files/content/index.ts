export { cleanContent } from './clean.js';
export { DEFAULT_CONTENT_LIMITS, type ContentLimits } from './types.js';
