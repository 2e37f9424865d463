import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { loginAlert } from './loginAlert';

const refusal = (status: number, code: string, message: string) => new ApiError(status, [{ code, message }]);

describe('loginAlert', () => {
  it('given a lock, then a heading says so and the server\'s message (until when) is the text', () => {
    const message = '密码连续输错次数过多，账号已锁定至 2026-11-26 04:26（北京时间）。';
    expect(loginAlert(refusal(423, 'ACCOUNT_LOCKED', message))).toEqual({ type: 'error', title: '账号已锁定', description: message });
  });

  it('given no internet access or a wrong password, then the server\'s message is shown as is', () => {
    const internet = loginAlert(refusal(403, 'INTERNET_ACCESS_DISABLED', '您的账号没有开通互联网访问权限……'));
    expect(internet).toMatchObject({ type: 'warning', description: '您的账号没有开通互联网访问权限……' });
    expect(loginAlert(refusal(401, 'INVALID_CREDENTIALS', '再输错 4 次，账号将被锁定。')).description).toBe('再输错 4 次，账号将被锁定。');
  });

  it('given anything else, then a generic heading with a Chinese message', () => {
    expect(loginAlert(new Error('boom'))).toEqual({ type: 'error', title: '登录失败', description: '操作失败，请稍后重试。' });
  });
});
