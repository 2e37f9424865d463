export { RecordService, type RecordServiceDeps } from './RecordService.js';
export { plainKeyCodec, type KeyCodec } from './keys.js';
export type { ListResult, RecordRow, RecordView } from './types.js';
export { noRulesetInForce } from './rules.js';
export { writeImportChunk, type ImportProgress, type ImportRecordPlan, type ImportUnitPlan, type ImportWriteDeps } from './importWrites.js';
export { recordStoreFor, recordWriterIn, type RecordStore, type RecordWriter } from './store/index.js';
export { diffData } from './changes.js';
export { toRecordRow, type RawRecord } from './store/RecordWriter.js';
