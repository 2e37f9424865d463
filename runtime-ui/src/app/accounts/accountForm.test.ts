import { describe, expect, it } from 'vitest';
import { accountFieldErrors, toCreateInput, toPasswordReset, toUpdateInput } from './accountForm';

describe('account form → request', () => {
  it('given no password, then none is sent (the server sets the default password)', () => {
    expect(toCreateInput({ roleId: 'r1', username: ' jarmyrsk01 ', nickname: ' 人事科 ', mobile: ' ', subsystems: ['resource'] }))
      .toEqual({ roleId: 'r1', username: 'jarmyrsk01', nickname: '人事科', subsystems: ['resource'] });
  });

  it('given a password, then its confirmation goes with it even when left empty (the server says they differ)', () => {
    expect(toCreateInput({ roleId: 'r1', username: 'jarmyrsk01', nickname: '人事科', password: 'Hosp#2024!x' }))
      .toMatchObject({ password: 'Hosp#2024!x', confirmPassword: '' });
  });

  it('given an edit, then username and nickname are never sent and an emptied mobile becomes null', () => {
    const update = toUpdateInput({ roleId: 'r2', username: 'x', nickname: 'y', mobile: '', subsystems: ['exam'] });
    expect(update).toEqual({ roleId: 'r2', mobile: null, subsystems: ['exam'] });
  });

  it('given an empty reset form, then the body is empty (reset to the default password)', () => {
    expect(toPasswordReset({})).toEqual({});
    expect(toPasswordReset({ password: 'Abc#2024!x' })).toEqual({ password: 'Abc#2024!x', confirmPassword: '' });
  });
});

describe('accountFieldErrors', () => {
  it('given the server refusals, then each lands under its field; password rules reported at /password go under 用户密码', () => {
    const split = accountFieldErrors([
      { code: 'pattern', message: '「账号」必须以字母开头…', path: '/username' },
      { code: 'DUPLICATE', message: '账号「jarmyrsk01」已被使用，请换一个。', path: '/username' },
      { code: 'PASSWORD_POLICY', rule: 'minLength', message: '密码长度不能少于 8 位（当前 3 位）。', path: '/password' },
      { code: 'PASSWORD_POLICY', rule: 'confirm', message: '两次输入的新密码不一致，请重新输入。', path: '/confirmPassword' },
      { code: 'enum', message: '「所属子系统」…', path: '/subsystems/1' },
      { code: 'FORBIDDEN', message: '该角色的权限超出了您自己的权限，不能分配。' },
    ]);
    expect(split.fields).toEqual([
      { name: 'username', errors: ['「账号」必须以字母开头…', '账号「jarmyrsk01」已被使用，请换一个。'] },
      { name: 'password', errors: ['密码长度不能少于 8 位（当前 3 位）。'] },
      { name: 'confirmPassword', errors: ['两次输入的新密码不一致，请重新输入。'] },
      { name: 'subsystems', errors: ['「所属子系统」…'] },
    ]);
    expect(split.general).toEqual(['该角色的权限超出了您自己的权限，不能分配。']);
  });
});
