import type { Readiness } from './readiness.js';
import type { CandidateSnapshot, Submission, SubmissionItem, SubmissionStatus } from './SubmissionRepository.js';
import { preRegistrationErrors } from './messages.js';

/** A candidate's status for the year: `none` (未上报) unless a submission holds or returned them. */
export type CandidateStatus = 'none' | 'reviewing' | 'accepted' | 'returned';

export const statusLabels: Record<CandidateStatus | SubmissionStatus, string> = {
  none: '未上报', reviewing: '审核中', accepted: '已接收', returned: '已退回', withdrawn: '已撤回',
};

/** A person of the institution as the 预报名上报 page lists them. */
export interface CandidateView {
  personId: string;
  name: string;
  idNumber: string;
  readiness: Readiness;
  status: CandidateStatus;
  statusLabel: string;
  /** Why the district returned them (status `returned`). */
  returnReason: string | null;
  /** The submission that holds (or returned) them. */
  submissionId: string | null;
}

export interface SubmissionView extends Submission {
  statusLabel: string;
}

export interface SubmissionItemView {
  personId: string;
  status: SubmissionStatus;
  statusLabel: string;
  reason: string | null;
  snapshot: CandidateSnapshot;
}

export const submissionView = (s: Submission): SubmissionView => ({ ...s, statusLabel: statusLabels[s.status] });

export const itemView = (i: SubmissionItem): SubmissionItemView =>
  ({ personId: i.personId, status: i.status, statusLabel: statusLabels[i.status], reason: i.reason, snapshot: i.snapshot });

/** Each person's latest item of the year (withdrawn ones do not count: the person is back to 未上报). */
export function latestItems(items: readonly SubmissionItem[]): Map<string, SubmissionItem> {
  const latest = new Map<string, SubmissionItem>();
  for (const item of items) if (item.status !== 'withdrawn') latest.set(item.personId, item);
  return latest;
}

export function candidateStatus(item: SubmissionItem | undefined): Pick<CandidateView, 'status' | 'statusLabel' | 'returnReason' | 'submissionId'> {
  const status: CandidateStatus = item ? item.status as CandidateStatus : 'none';
  return { status, statusLabel: statusLabels[status], returnReason: item?.status === 'returned' ? item.reason : null,
    submissionId: item?.submissionId ?? null };
}

/** The exam year of a path (`/api/pre-registration/2024/…`). */
export function readYear(raw: unknown): number {
  const year = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!(year >= 2020 && year <= 2100)) throw preRegistrationErrors.badYear();
  return year;
}
