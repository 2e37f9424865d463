import type { WorkflowEventType } from '../../api';

/** The menu key (and permission) of 待办审批. */
export const TASKS_KEY = 'tasks';

/** Chinese names of the processes users meet; another process shows its key. */
const PROCESS_NAMES: Readonly<Record<string, string>> = {
  realNameReview: '实名认证审核',
  institutionChange: '机构信息变更审核',
  preRegistration: '预报名审核',
  personTransfer: '人员调入审核',
};

/** Button and result labels of task outcomes; another outcome shows its key. */
const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  approve: '同意',
  reject: '不同意',
  sendBack: '退回修改',
  resubmit: '重新提交',
  withdraw: '撤回申请',
};

/** Short forms of the outcomes in lists (退回 rather than 退回修改). */
const OUTCOME_SHORT: Readonly<Record<string, string>> = { sendBack: '退回' };

/** Outcomes the approver must explain (the submitter reads the comment to correct or understand). */
const NEEDS_COMMENT: ReadonlySet<string> = new Set(['reject', 'sendBack']);

const EVENT_LABELS: Readonly<Record<WorkflowEventType, string>> = {
  started: '发起申请',
  taskCreated: '待审批',
  taskCompleted: '审批',
  serviceRan: '系统处理',
  ended: '流程结束',
  withdrawn: '申请人撤回',
};

export const processName = (key: string): string => PROCESS_NAMES[key] ?? key;
export const outcomeLabel = (key: string): string => OUTCOME_LABELS[key] ?? key;
export const outcomeShortLabel = (key: string | null | undefined): string =>
  key ? OUTCOME_SHORT[key] ?? outcomeLabel(key) : '';
export const needsComment = (outcome: string): boolean => NEEDS_COMMENT.has(outcome);
export const eventLabel = (type: string): string => EVENT_LABELS[type as WorkflowEventType] ?? type;
