import { describe, expect, it } from 'vitest';
import { actionLabel, auditRange, compactDetails, resultLabel } from './auditLabels';

describe('audit labels', () => {
  it('names actions and results in Chinese, unknown ones as they are', () => {
    expect(actionLabel('account.passwordReset')).toBe('重置密码');
    expect(actionLabel('role.delete')).toBe('删除角色');
    expect(actionLabel('record.read')).toBe('查看人员信息');
    expect(actionLabel('audit.read')).toBe('查看审计日志');
    expect(actionLabel('future.thing')).toBe('future.thing');
    expect(resultLabel('failure, now locked').text).toBe('失败，账号已被锁定');
    expect(resultLabel('locked').text).toBe('拒绝（账号锁定中）');
    expect(resultLabel('disabled').text).toBe('拒绝（账号已停用）');
    expect(resultLabel(null).text).toBe('成功');
  });

  it('turns picked days into Beijing day bounds as UTC instants', () => {
    expect(auditRange(['2026-11-25', '2026-11-26'])).toEqual({ from: '2026-11-24T16:00:00.000Z', to: '2026-11-26T15:59:59.999Z' });
    expect(auditRange(undefined)).toEqual({});
  });

  it('shows details in one short line without the result and ids', () => {
    expect(compactDetails({ username: 'jarmyrsk01', status: 'disabled', roleId: 'x' })).toBe('账号：jarmyrsk01；状态：停用');
    expect(compactDetails({ role: '人事科', permissions: ['a', 'b'] })).toBe('角色：人事科；权限：2 项');
    expect(compactDetails({ username: 'a'.repeat(100) }, 20)).toHaveLength(20);
    expect(compactDetails(null)).toBe('');
  });
});
