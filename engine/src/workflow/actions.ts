/**
 * The engine actions a service task may name (`<zj:action name="…"/>`): the one place that lists
 * them. Validation refuses any other name; the execution layer registers one idempotent handler
 * per name (it may run again after a crash between steps).
 */
export const workflowActions = {
  'realName.approve': '实名认证通过：信息锁定，账号功能立即开放',
  'realName.reject': '实名认证不通过：申请人可修改后重新提交',
  'institutionChange.apply': '机构信息修改通过：在一个事务中应用暂存的字段差异并保留历史（期间记录已变更则标记为过期）',
  'institutionChange.reject': '机构信息修改不通过：记录保持不变',
  'institutionChange.revise': '机构信息修改申请退回后重新提交：按最新机构信息重新计算并校验差异',
  'institutionChange.withdraw': '机构信息修改申请退回后由申请人撤回：记录保持不变',
  'preRegistration.accept': '预报名审核通过：接收本批考生（审核人退回的考生除外，退回的解锁）',
  'preRegistration.return': '预报名退回：整批考生退回机构并解锁',
  'transfer.apply': '人员调出审核同意：人员及其学历、学位、证书等信息在一个事务中移入接收单位（试用期留在原单位作为历史）；无法调入时申请以失败结束并说明原因',
  'transfer.reject': '人员调出审核不同意：人员及其信息保持不变',
  'transfer.revise': '调入申请退回后重新提交：校验并更新申请的部门和理由',
  'transfer.withdraw': '调入申请退回后由申请单位撤回：人员及其信息保持不变',
  'selfTest.record': '运行时自检：记录一次执行（只由测试和基准测试注册，业务流程不要使用）',
} as const satisfies Record<string, string>;

export type WorkflowActionName = keyof typeof workflowActions;

export const workflowActionNames = Object.keys(workflowActions) as WorkflowActionName[];
