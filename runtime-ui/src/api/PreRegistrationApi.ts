import type {
  AcceptedView, CandidateStatus, CandidateView, ReadinessReason, SubmissionItemView, SubmissionView,
} from '@zjrj/engine/contract';
import type { HttpClient } from './HttpClient';

export type { AcceptedView, CandidateStatus, CandidateView, ReadinessReason, SubmissionItemView, SubmissionView };

export interface CandidateList {
  examYear: number;
  items: CandidateView[];
  total: number;
  /** The year's batches of the institution, newest first. */
  submissions: SubmissionView[];
}

export interface AcceptedQuery { orgId?: string; q?: string; page?: number; pageSize?: number }

export interface AcceptedPage {
  items: AcceptedView[];
  total: number;
  /** The institutions below with accepted candidates this year (the filter's options). */
  institutions: Array<{ id: string; name: string; count: number }>;
}

const segment = (value: string | number): string => encodeURIComponent(String(value));

function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * 医师资格考试预报名 (`/api/pre-registration`, R-8.1): the institution's candidates with readiness,
 * 上报 (422 lists every not-ready person with reasons, 409 those already submitted) and withdrawal;
 * a batch with its candidates (the district's review task); the bureaus' accepted lists and export.
 */
export class PreRegistrationApi {
  constructor(private readonly http: HttpClient) {}

  candidates(year: number): Promise<CandidateList> {
    return this.http.get(`/api/pre-registration/${segment(year)}/candidates`);
  }

  async submit(year: number, personIds: readonly string[]): Promise<SubmissionView> {
    return (await this.http.post<{ submission: SubmissionView }>(`/api/pre-registration/${segment(year)}/submissions`, { personIds })).submission;
  }

  async withdraw(id: string): Promise<SubmissionView> {
    return (await this.http.post<{ submission: SubmissionView }>(`/api/pre-registration/submissions/${segment(id)}/withdraw`)).submission;
  }

  submission(id: string): Promise<{ submission: SubmissionView; items: SubmissionItemView[] }> {
    return this.http.get(`/api/pre-registration/submissions/${segment(id)}`);
  }

  accepted(year: number, filters: AcceptedQuery = {}): Promise<AcceptedPage> {
    return this.http.get(`/api/pre-registration/${segment(year)}/accepted${query({ ...filters })}`);
  }

  /** The accepted list as .xlsx, filtered like the list on screen. */
  exportUrl(year: number, filters: Pick<AcceptedQuery, 'orgId' | 'q'> = {}): string {
    return this.http.urlOf(`/api/pre-registration/${segment(year)}/accepted/export${query({ orgId: filters.orgId, q: filters.q })}`);
  }
}
