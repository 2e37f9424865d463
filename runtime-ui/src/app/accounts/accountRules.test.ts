import { describe, expect, it } from 'vitest';
import type { Account } from '../../api';
import { managesBelow, rowActions, type RowContext } from './accountRules';

const account = (extra: Partial<Account> = {}): Account => ({
  id: 'a1', username: 'jarmyrsk01', nickname: '人事科', mobile: null, orgId: 'o1', orgName: '江岸区人民医院',
  roles: [{ id: 'r1', name: '人事科' }], isMain: false, status: 'active', internetAccess: true, subsystems: ['resource', 'exam'],
  realNameStatus: 'none', mustChangePassword: true, lockedUntil: null, createdAt: '2026-11-25T00:00:00.000Z', ...extra,
});
const ALL = ['create', 'update', 'delete', 'unlock', 'resetPassword'];
const own: RowContext = { scope: 'own', actions: ALL, selfId: 'me' };

describe('rowActions', () => {
  it('given the main account or one\'s own account in 本单位, then nothing can be done there', () => {
    expect(rowActions(account({ isMain: true }), own)).toEqual([]);
    expect(rowActions(account({ id: 'me' }), own)).toEqual([]);
  });

  it('given a sub-account in 本单位, then 修改, 停用/启用, 重置密码 and 删除; 解锁 only while locked', () => {
    expect(rowActions(account(), own)).toEqual(['edit', 'toggleStatus', 'resetPassword', 'delete']);
    expect(rowActions(account({ lockedUntil: '2026-11-25T10:00:00.000Z' }), own)).toContain('unlock');
  });

  it('given 下级单位, then the main account too, but only 停用/启用, 互联网访问, 解锁 and 重置密码', () => {
    const below: RowContext = { ...own, scope: 'below' };
    expect(rowActions(account({ isMain: true, lockedUntil: '2026-11-25T10:00:00.000Z' }), below))
      .toEqual(['toggleStatus', 'internetAccess', 'unlock', 'resetPassword']);
  });

  it('given the menu grants only some actions, then only their buttons', () => {
    expect(rowActions(account({ lockedUntil: 'x' }), { ...own, actions: ['unlock'] })).toEqual(['unlock']);
    expect(rowActions(account(), { ...own, actions: [] })).toEqual([]);
  });

  it('offers 下级单位 to bureaus and the system administrator, not to institutions', () => {
    expect(managesBelow('district')).toBe(true);
    expect(managesBelow('province')).toBe(true);
    expect(managesBelow('institution')).toBe(false);
  });
});
