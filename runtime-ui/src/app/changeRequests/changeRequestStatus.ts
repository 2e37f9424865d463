import type { ChangeRequest, ChangeRequestStatus } from '../../api';

export interface StatusView { label: string; color: string }

const STATUSES: Readonly<Record<ChangeRequestStatus, StatusView>> = {
  pending: { label: '待审核', color: 'processing' },
  approved: { label: '已通过', color: 'success' },
  rejected: { label: '未通过', color: 'error' },
  stale: { label: '已过期', color: 'warning' },
  withdrawn: { label: '已撤回', color: 'default' },
};
const SENT_BACK: StatusView = { label: '已退回待修改', color: 'orange' };

/** 待审核 / 已退回待修改 / 已通过 / 未通过 / 已过期 / 已撤回, with the tag colour. */
export const statusOf = (request: ChangeRequest): StatusView =>
  (request.sentBack ? SENT_BACK : STATUSES[request.status] ?? { label: request.status, color: 'default' });
