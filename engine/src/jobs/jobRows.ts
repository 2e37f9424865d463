import type { JobCounts, JobRow, JobStatus, JobView } from './types.js';

type Raw = Record<string, unknown>;
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** A `jobs` row as the driver returns it (JSON columns as text on SQLite, parsed on PostgreSQL). */
export function toJobRow(raw: Raw, parseJson: (value: unknown) => unknown): JobRow {
  const checkpoint = raw.checkpoint === null || raw.checkpoint === undefined ? null : parseJson(raw.checkpoint);
  return {
    id: String(raw.id), kind: String(raw.kind), entity: text(raw.entity), orgId: String(raw.org_id),
    accountId: String(raw.account_id), status: raw.status as JobStatus,
    params: parseJson(raw.params) as Record<string, unknown>,
    checkpoint: checkpoint as Record<string, unknown> | null,
    total: Number(raw.total), processed: Number(raw.processed), imported: Number(raw.imported), failed: Number(raw.failed),
    reportFile: text(raw.report_file), message: text(raw.message), worker: text(raw.worker), leaseUntil: text(raw.lease_until),
    attempts: Number(raw.attempts), createdAt: String(raw.created_at), startedAt: text(raw.started_at),
    finishedAt: text(raw.finished_at), updatedAt: String(raw.updated_at),
  };
}

const COUNT_COLUMNS: Array<keyof JobCounts> = ['total', 'processed', 'imported', 'failed'];

/**
 * The columns a progress update sets: the counts given (absolute figures), the checkpoint when
 * given (null or undefined keeps the stored one), and the time.
 */
export function jobProgressColumns(counts: Partial<JobCounts>, checkpoint: Record<string, unknown> | null | undefined,
  at: string): Record<string, string | number> {
  const columns: Record<string, string | number> = { updated_at: at };
  for (const name of COUNT_COLUMNS) {
    const value = counts[name];
    if (value !== undefined) columns[name] = value;
  }
  if (checkpoint) columns.checkpoint = JSON.stringify(checkpoint);
  return columns;
}

/** What the API shows of a job; `now` gives a running job's duration so far. */
export function toJobView(job: JobRow, now: Date): JobView {
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now.getTime();
  return {
    id: job.id, entity: job.entity, status: job.status,
    total: job.total, processed: job.processed, imported: job.imported, failed: job.failed,
    createdAt: job.createdAt, startedAt: job.startedAt, finishedAt: job.finishedAt,
    durationMs: job.startedAt ? Math.max(0, end - Date.parse(job.startedAt)) : null,
    message: job.message, hasReport: job.reportFile !== null,
  };
}
