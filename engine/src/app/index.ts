export { createEngine, type Engine, type EngineOptions } from './createEngine.js';
