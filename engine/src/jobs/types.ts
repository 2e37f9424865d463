/**
 * `queued` → `running` → one of `succeeded` (no failed row), `partial`, `failed` (nothing done),
 * or `interrupted` (stopped by a restart and not resumable: the user imports again).
 */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'partial' | 'failed' | 'interrupted';

export const ACTIVE_STATUSES: readonly JobStatus[] = ['queued', 'running'];

/** Absolute figures (never increments), so writing the same progress twice is harmless. */
export interface JobCounts { total: number; processed: number; imported: number; failed: number }

/** A job as stored. */
export interface JobRow extends JobCounts {
  id: string;
  /** Which handler runs it (`import`). */
  kind: string;
  entity: string | null;
  orgId: string;
  accountId: string;
  status: JobStatus;
  /** What the handler needs, e.g. `{file, overwrite, layoutChecksum}`. */
  params: Record<string, unknown>;
  /** The handler's resume point, saved with its progress; null until the first chunk commits. */
  checkpoint: Record<string, unknown> | null;
  /** Path of the error report (.xlsx), if any. */
  reportFile: string | null;
  /** Chinese summary or failure reason. */
  message: string | null;
  /** The engine process holding the job while it runs. */
  worker: string | null;
  leaseUntil: string | null;
  /** Runs started so far (the first run and each resumption). */
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
}

/** A job as the API returns it (`job` in API.md: `{id, entity, status, total, processed, imported, failed}` and more). */
export interface JobView {
  id: string;
  entity: string | null;
  status: JobStatus;
  total: number;
  processed: number;
  imported: number;
  failed: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Finished: how long it ran; running: how long it has been running; queued: null. */
  durationMs: number | null;
  message: string | null;
  hasReport: boolean;
}

export interface JobList {
  items: JobView[];
  total: number;
}

export interface JobContext {
  /** The job as claimed: `checkpoint` is where a previous run stopped (null on a first run). */
  job: JobRow;
  resumed: boolean;
  /** Aborted when the engine stops or the job's claim is lost: stop after the current chunk. */
  signal: AbortSignal;
  /**
   * Stores progress outside any record transaction (e.g. while reading the file). Progress that
   * belongs to written records goes through `RecordWriter.jobProgress` in their transaction.
   */
  progress(counts: Partial<JobCounts>, checkpoint?: Record<string, unknown>): Promise<void>;
}

export interface JobOutcome {
  status: 'succeeded' | 'partial' | 'failed';
  counts: Partial<JobCounts>;
  reportFile?: string | null;
  message?: string | null;
}

/** The work of one kind of job, registered with the runner under `kind`. */
export interface JobHandler {
  kind: string;
  run(ctx: JobContext): Promise<JobOutcome>;
}

export interface NewJob {
  kind: string;
  entity?: string;
  orgId: string;
  accountId: string;
  params: Record<string, unknown>;
  total: number;
}

/** A job changed (claimed, progressed, finished): for live updates. */
export type JobListener = (job: JobRow) => void;
