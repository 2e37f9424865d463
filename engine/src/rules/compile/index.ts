export { compileFeel, Untranslatable } from './compileFeel.js';
export { FALLBACK } from './runtime.js';
