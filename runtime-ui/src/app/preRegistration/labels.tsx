import { Tag } from 'antd';
import type { CandidateStatus, SubmissionView } from '../../api';

/** The 预报名 menu items (their keys are permissions). */
export const SUBMIT_KEY = 'exam.submit';
export const ACCEPTED_KEY = 'exam.accepted';

const STATUS_COLORS: Record<CandidateStatus | SubmissionView['status'], string> = {
  none: 'default', reviewing: 'processing', accepted: 'success', returned: 'error', withdrawn: 'default',
};

/** A status as a coloured tag with the engine's label (未上报, 审核中, 已接收, 已退回, 已撤回). */
export function StatusTag({ status, label }: { status: CandidateStatus | SubmissionView['status']; label: string }) {
  return <Tag color={STATUS_COLORS[status]}>{label}</Tag>;
}

/** Candidates the institution may select for 上报: ready, and not under review or accepted. */
export const selectable = (c: { readiness: { ready: boolean }; status: CandidateStatus }): boolean =>
  c.readiness.ready && (c.status === 'none' || c.status === 'returned');
