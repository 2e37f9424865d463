import type { AuditAction } from '@zjrj/engine/contract';
import { beijingDayBounds } from '../common';

/** 操作类型: the engine's audit actions in Chinese (typed by the engine's list, so none is left unnamed). */
export const ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'auth.login': '登录',
  'auth.passwordChange': '修改密码',
  'account.create': '新增账号',
  'account.update': '修改账号',
  'account.delete': '删除账号',
  'account.unlock': '解锁账号',
  'account.passwordReset': '重置密码',
  'account.twoFactorReset': '重置双因素认证',
  'auth.twoFactor.enrol': '开启双因素认证',
  'auth.twoFactor.disable': '关闭双因素认证',
  'auth.twoFactor.code': '双因素验证码错误',
  'auth.twoFactor.recoveryCodes': '重新生成恢复码',
  'role.create': '新增角色',
  'role.update': '修改角色',
  'role.delete': '删除角色',
  'record.create': '新增记录',
  'record.update': '修改记录',
  'record.delete': '删除记录',
  'record.read': '查看人员信息',
  'record.export': '导出数据',
  'record.import': '导入数据',
  'record.transfer': '人员调入',
  'sensitive.reveal': '查看完整证件号码',
  'file.upload': '上传附件',
  'file.read': '查看或下载附件',
  'importReport.export': '下载导入错误报告',
  'preRegistration.export': '导出预报名审核结果',
  'preRegistration.read': '查看预报名上报',
  'realName.read': '查看实名认证申请',
  'realName.save': '保存实名认证申请',
  'transfer.lookup': '调入查询人员',
  'location.request': '生成手机定位二维码',
  'definition.publish': '发布定义',
  'definition.rollback': '恢复定义的历史版本',
  'audit.read': '查看审计日志',
  'audit.retention': '清理过期审计日志',
};

const RESULT_LABELS: Readonly<Record<string, { text: string; color: string }>> = {
  success: { text: '成功', color: 'success' },
  failure: { text: '失败（密码错误）', color: 'warning' },
  'failure, now locked': { text: '失败，账号已被锁定', color: 'error' },
  locked: { text: '拒绝（账号锁定中）', color: 'error' },
  disabled: { text: '拒绝（账号已停用）', color: 'error' },
  wrongOldPassword: { text: '失败（原密码错误）', color: 'warning' },
  'password ok, code required': { text: '密码正确，待输入验证码', color: 'processing' },
  wrongPassword: { text: '失败（密码错误）', color: 'warning' },
};

export function actionLabel(action: string): string {
  return (ACTION_LABELS as Readonly<Record<string, string>>)[action] ?? action;
}

/** 结果 of an event; events without one (account, role and record changes) are recorded only when done. */
export function resultLabel(result: string | null): { text: string; color: string } {
  if (!result) return { text: '成功', color: 'success' };
  return RESULT_LABELS[result] ?? { text: result, color: 'default' };
}

export const actionOptions = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));

/** 时间范围 (calendar days as picked, `YYYY-MM-DD`) as the query's instants: Beijing midnight to end of day. */
export function auditRange(range: readonly [string, string] | null | undefined): { from?: string; to?: string } {
  if (!range) return {};
  return { from: beijingDayBounds(range[0]).start, to: beijingDayBounds(range[1]).end };
}

const DETAIL_LABELS: Readonly<Record<string, string>> = {
  username: '账号', target: '目标账号', role: '角色', status: '状态',
  toDefault: '重置为默认密码', fields: '字段', changes: '修改内容', added: '新增权限', removed: '移除权限',
  permissions: '权限', mobile: '手机号码', internetAccess: '互联网访问', subsystems: '所属子系统',
  before: '修改前', after: '修改后', query: '查询条件', job: '导入任务', deleted: '删除条数', olderThan: '早于', retentionDays: '保存天数',
};

/** Left out of the line: shown elsewhere (result) or meaningless to readers (ids). */
const HIDDEN = new Set(['result', 'roleId']);
const STATUS_LABELS: Readonly<Record<string, string>> = { active: '正常', disabled: '停用' };

function shortValue(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'status' && typeof value === 'string') return STATUS_LABELS[value] ?? value;
  if (Array.isArray(value)) return `${value.length} 项`;
  if (value && typeof value === 'object') return `${Object.keys(value).length} 项`;
  return String(value);
}

/** `details` in one short line (the whole JSON is in the expanded row); the result has its own column. */
export function compactDetails(details: unknown, maxLength = 80): string {
  if (!details || typeof details !== 'object') return details === undefined || details === null ? '' : String(details);
  const parts = Object.entries(details as Record<string, unknown>).filter(([key, value]) => !HIDDEN.has(key) && value !== undefined)
    .map(([key, value]) => `${DETAIL_LABELS[key] ?? key}：${shortValue(key, value)}`);
  const line = parts.join('；');
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
