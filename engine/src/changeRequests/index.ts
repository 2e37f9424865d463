/** Institution change requests: staged diffs of read-only fields, reviewed by the superior bureau. */
export { ChangeRequestService, type ChangeRequestServiceDeps, type ChangeRequestView } from './ChangeRequestService.js';
export { registerChangeRequestActions, type ChangeRequestActionDeps } from './actions.js';
export type { ChangeRequest, ChangeRequestStatus, FieldDiff } from './ChangeRequestRepository.js';
