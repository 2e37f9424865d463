import { describe, expect, it } from 'vitest';
import { passwordErrorsByField } from './passwordErrors';

describe('passwordErrorsByField', () => {
  it('given the server refusals, then each goes under the field its path names and the rest stay general', () => {
    const split = passwordErrorsByField([
      { code: 'PASSWORD_POLICY', rule: 'minLength', message: '密码长度不能少于 8 位。', path: '/newPassword' },
      { code: 'PASSWORD_POLICY', rule: 'sequence', message: '密码中不能有 4 位及以上连续的字母或数字。', path: '/newPassword' },
      { code: 'PASSWORD_POLICY', rule: 'confirm', message: '两次输入的新密码不一致，请重新输入。', path: '/confirmPassword' },
      { code: 'CSRF', message: '页面已过期，请刷新页面后重试。' },
    ]);
    expect(split.fields).toEqual([
      { name: 'newPassword', errors: ['密码长度不能少于 8 位。', '密码中不能有 4 位及以上连续的字母或数字。'] },
      { name: 'confirmPassword', errors: ['两次输入的新密码不一致，请重新输入。'] },
    ]);
    expect(split.general).toEqual(['页面已过期，请刷新页面后重试。']);
  });
});
