/** Pre-registration (R-8.1): candidates and readiness, submission with locks, the district's review, the bureaus' accepted lists. */
export { PreRegistrationService, type PreRegistrationServiceDeps } from './PreRegistrationService.js';
export { AcceptedLists, type AcceptedView } from './AcceptedLists.js';
export { registerPreRegistrationActions } from './actions.js';
export { PERMISSIONS as preRegistrationPermissions } from './common.js';
export { CANDIDATE_LOCKED } from './messages.js';
export type { Readiness, ReadinessReason } from './readiness.js';
export type { CandidateSnapshot, Submission, SubmissionStatus } from './SubmissionRepository.js';
export type { CandidateStatus, CandidateView, SubmissionItemView, SubmissionView } from './views.js';
