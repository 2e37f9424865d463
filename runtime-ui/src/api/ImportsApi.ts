import type { JobList, JobStatus, JobView } from '@zjrj/engine/contract';
import type { HttpClient } from './HttpClient';
import { listQueryString } from './listQuery';
import type { ListQuery } from './types';

/** An import job (API.md "Imports"): counts so far, timing (UTC ISO), whether an error report exists. */
export type ImportJob = JobView;
export type ImportJobStatus = JobStatus;
export type ImportJobPage = JobList;

/** The list's search and exact filters an export repeats. */
export type ExportQuery = Pick<ListQuery, 'q' | 'filters'>;

const segment = (value: string): string => encodeURIComponent(value);

/** Still to finish: the server has not decided the job's outcome yet. */
export const isJobActive = (job: Pick<ImportJob, 'status'>): boolean => job.status === 'queued' || job.status === 'running';

/**
 * Excel import and export: the template, the upload (finished at once up to 100 rows, else
 * queued as a background job), the jobs and their error reports, the export of a list. Downloads
 * are links the browser follows with the session cookie (the server sends them as attachments).
 */
export class ImportsApi {
  constructor(private readonly http: HttpClient) {}

  templateUrl(entity: string): string {
    return this.http.urlOf(`/api/imports/${segment(entity)}/template`);
  }

  /**
   * Uploads a filled template (multipart `file`, `overwrite=true` when asked). The job comes back
   * finished (≤ 100 rows) or queued/running (the import continues in the background).
   */
  async start(entity: string, file: Blob, filename: string, overwrite: boolean): Promise<ImportJob> {
    const body = new FormData();
    // The option before the file: a streaming server reads fields in order.
    if (overwrite) body.append('overwrite', 'true');
    body.append('file', file, filename);
    return (await this.http.request<{ job: ImportJob }>('POST', `/api/imports/${segment(entity)}`, { body })).job;
  }

  /** The user's import jobs, newest first. */
  jobs(query: { page?: number; pageSize?: number } = {}): Promise<ImportJobPage> {
    return this.http.get('/api/imports/jobs', query);
  }

  async job(id: string): Promise<ImportJob> {
    return (await this.http.get<{ job: ImportJob }>(`/api/imports/jobs/${segment(id)}`)).job;
  }

  /** The failed rows with their reasons in the first column 错误原因 (importable again once corrected). */
  errorReportUrl(id: string): string {
    return this.http.urlOf(`/api/imports/jobs/${segment(id)}/error-report`);
  }

  /** The list as .xlsx with the template's columns, searched and filtered like the list on screen. */
  exportUrl(entity: string, query: ExportQuery = {}): string {
    return this.http.urlOf(`/api/exports/${segment(entity)}${listQueryString({ q: query.q, filters: query.filters })}`);
  }
}
