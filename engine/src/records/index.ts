export { RecordService, type RecordServiceDeps } from './RecordService.js';
export { plainKeyCodec, type KeyCodec } from './keys.js';
export type { ListResult, RecordView } from './types.js';
