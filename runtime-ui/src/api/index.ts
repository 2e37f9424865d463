export { ApiError, errorMessage, messageForStatus, toApiError } from './ApiError';
export { CSRF_HEADER, HttpClient, type FetchLike, type HttpClientOptions, type QueryValue } from './HttpClient';
export { AdminApi } from './AdminApi';
export { RuntimeApi } from './RuntimeApi';
export { TwoFactorApi, type TwoFactorSetup, type TwoFactorStatus } from './TwoFactorApi';
export { LocationApi, type LocationReport, type LocationRequestView, type LocationStatus } from './LocationApi';
export { listQueryString } from './listQuery';
export { FilesApi, type FileMeta, type FileView } from './FilesApi';
export {
  AttachmentBatchesApi, type AttachmentBatchItem, type AttachmentBatchList, type AttachmentBatchQuery, type AttachmentBatchStatus,
  type AttachmentBatchUpload,
} from './AttachmentBatchesApi';
export {
  ImportsApi, isJobActive, type ExportQuery, type ImportJob, type ImportJobPage, type ImportJobStatus,
} from './ImportsApi';
export {
  TasksApi, type HistoryPerson, type InstanceDiagram, type InstanceHistory, type Task, type TaskCompletion, type TaskPage,
  type TaskState, type WorkflowEvent, type WorkflowEventType, type WorkflowInstance,
} from './TasksApi';
export {
  RealNameApi, type RealNameApplication, type RealNameApplicationStatus, type RealNameData, type RealNameState,
} from './RealNameApi';
export {
  ChangeRequestsApi, type ChangeProposal, type ChangeRequest, type ChangeRequestField, type ChangeRequestStatus,
} from './ChangeRequestsApi';
export {
  TransfersApi, type Transfer, type TransferCandidate, type TransferDetail, type TransferIdentity, type TransferPage, type TransferQuery,
  type TransferSide, type TransferStage, type TransferStatus, type TransferTerms,
} from './TransfersApi';
export {
  PreRegistrationApi, type AcceptedPage, type AcceptedQuery, type AcceptedView, type CandidateList, type CandidateStatus, type CandidateView,
  type ReadinessReason, type SubmissionItemView, type SubmissionView,
} from './PreRegistrationApi';
export type { CompletenessView, MissingRequirement, RulesetView } from '@zjrj/engine/contract';
export type { RecordTemplateSummary } from '@zjrj/engine/contract';
export type * from './adminTypes';
export type * from './types';
