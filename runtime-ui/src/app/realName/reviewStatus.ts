import type { RealNameState } from '../../api';

export interface ReviewStatus {
  /** 未提交 / 审核中 / 已通过 / 未通过 / 已退回修改 */
  label: string;
  type: 'info' | 'warning' | 'success' | 'error';
  description: string;
  /** The form may be changed and submitted (draft, rejected, sent back). */
  editable: boolean;
  /** Under review: the page reads the status again now and then. */
  waiting: boolean;
}

const STEPS = '请填写以下信息并保存，下载申请表打印后加盖单位公章，上传盖章后的扫描件，再提交审核。';

/** What the applicant's banner says and allows, from `GET /api/real-name`. */
export function reviewStatus({ application, sentBack }: RealNameState): ReviewStatus {
  const status = application?.status;
  if (!application || status === 'draft') {
    return { label: '未提交', type: 'info', editable: true, waiting: false,
      description: application ? `信息已保存，尚未提交审核。${STEPS}` : STEPS };
  }
  if (status === 'submitted' && sentBack) {
    return { label: '已退回修改', type: 'warning', editable: true, waiting: false,
      description: '审核人将申请退回修改：请核对并修改信息，重新下载申请表盖章上传后再次提交。' };
  }
  if (status === 'submitted') {
    return { label: '审核中', type: 'info', editable: false, waiting: true,
      description: '申请已提交，正在等待审核（子账号由本单位总账号审核，总账号由上级主管单位审核）。审核通过后将自动进入系统。' };
  }
  if (status === 'approved') {
    return { label: '已通过', type: 'success', editable: false, waiting: false, description: '实名认证已通过，正在进入系统。' };
  }
  return { label: '未通过', type: 'error', editable: true, waiting: false,
    description: '实名认证未通过审核：请向审核人了解原因，修改信息并重新上传盖章后的申请表，再次提交。' };
}
