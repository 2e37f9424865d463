/** 实名认证: the applicant's page shown by the gate until the verification is approved. */
export { RealNamePage } from './RealNamePage';
export { reviewStatus, type ReviewStatus } from './reviewStatus';
export { REVIEW_POLL_MS, useReviewPoll } from './useReviewPoll';
