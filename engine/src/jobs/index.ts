export { JobQueries, IMPORT_JOBS_PERMISSION, type ErrorReport, type JobQueriesDeps } from './JobQueries.js';
export { JobRepository, type JobEnd, type JobFilter, type JobPage, type JobStart } from './JobRepository.js';
export { JobRunner, type JobRunnerDeps } from './JobRunner.js';
export { jobProgressColumns, toJobView } from './jobRows.js';
export { jobMessages, TooManyJobsError } from './messages.js';
export { ACTIVE_STATUSES } from './types.js';
export type {
  JobContext, JobCounts, JobHandler, JobList, JobListener, JobOutcome, JobRow, JobStatus, JobView, NewJob,
} from './types.js';
export { createDelivery, PgBossDelivery, queueSchemaOf, TableDelivery, type DeliveryHost, type JobDelivery, type RunEnd } from './delivery/index.js';
export { PeriodicTask, type PeriodicTaskOptions } from './PeriodicTask.js';
