/** 批量导入附件信息: see AttachmentBatchService and docs/definitions.md (`attachmentBatch`). */
export { AttachmentBatchService, MAX_BATCH_FILES, type AttachmentBatchServiceDeps } from './AttachmentBatchService.js';
export { fileNameStem, matchFileName, NO_ID_NUMBER, type MatchResult, type MatchTarget } from './matching.js';
export type { BatchFile } from './placeFiles.js';
