import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors/index.js';

/** Every user-facing text of the workflow runtime, in one place. */
export const workflowErrors = {
  taskNotFound: () => new NotFoundError('该审批任务不存在，或您无权处理。'),
  instanceNotFound: () => new NotFoundError('该流程不存在，或您无权查看。'),
  processNotFound: (key: string) => new NotFoundError(`流程「${key}」尚未发布，无法发起。请联系管理员发布该流程。`),
  taskDone: () => new ConflictError([{ code: 'TASK_DONE', message: '该任务已被处理（可能其他人刚刚审批过），请刷新待办列表。' }]),
  instanceNotRunning: () => new ConflictError([{ code: 'INSTANCE_ENDED', message: '该流程已结束或已撤回，不能再处理。请刷新后查看。' }]),
  cannotWithdraw: () => new ConflictError([{ code: 'CANNOT_WITHDRAW', message: '已有审批人处理过该申请，不能撤回。' }]),
  selfApproval: () => new ForbiddenError('不能审批自己发起的申请，请由审批人处理。', 'SELF_APPROVAL'),
  noFlow: (outcome: string, node: string) => new ValidationError([{ code: 'NO_FLOW', path: '/outcome',
    message: `处理结果「${outcome}」在「${node}」没有对应的流向，请选择该任务提供的处理结果。` }]),
  noAssignee: (node: string, level: string) => new ValidationError([{ code: 'NO_ASSIGNEE',
    message: `无法为「${node}」确定审批机构：发起人所在机构没有「${level}」级的上级机构。请联系管理员检查机构设置。` }]),
  noAssigneeOrg: (node: string, org: string) => new ValidationError([{ code: 'NO_ASSIGNEE',
    message: `无法为「${node}」确定审批机构：流程数据中没有「${org}」所指的有效机构。请联系管理员检查该流程的发起数据。` }]),
  assignmentData: (field: string) => new ValidationError([{ code: 'ASSIGNMENT_DATA', path: `/data/${field}`,
    message: `「${field}」决定由哪个机构审批，只能在发起申请时确定，处理任务时不能修改。` }]),
  badInput: (path: string, message: string) => new ValidationError([{ code: 'INVALID', path, message }]),
};
