export { AttachmentBatchButton, AttachmentBatchPage } from './AttachmentBatchPage';
export {
  attachmentBatchPath, batchDeclaration, chunks, groupByDepartment, groupLabel, mergeUploads, summarizeUpload,
  type BatchDeclaration, type DepartmentGroup, type StatusFilter, type UploadSummary,
} from './batchView';
