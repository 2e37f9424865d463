import { describe, expect, it } from 'vitest';
import { ApiError, type Session } from '../../api';
import { afterApiError, type SessionState } from './sessionTransitions';

const session: Session = {
  user: { id: 'u1', username: 'jarmyy001', nickname: '江岸区人民医院', orgId: 'o1', orgName: '江岸区人民医院', orgLevel: 'institution', roles: [], roleNames: [], permissions: [], realNameStatus: 'approved' },
  mustChangePassword: false,
  csrfToken: 't',
};
const active: SessionState = { status: 'active', session };
const error = (status: number, code: string) => new ApiError(status, [{ code, message: '…' }]);

describe('afterApiError', () => {
  it('given an expired session, when a business call answers 401, then the user is sent to login with a notice', () => {
    expect(afterApiError(active, error(401, 'UNAUTHORIZED'), '/api/data/person'))
      .toEqual({ status: 'anonymous', notice: '登录已超时，请重新登录。' });
  });

  it('given a wrong password on login, then the session is left alone (the login page shows the message)', () => {
    expect(afterApiError(active, error(401, 'INVALID_CREDENTIALS'), '/api/auth/login')).toBe(active);
  });

  it('given a pending password change or missing real-name approval, then the gate pages take over', () => {
    expect(afterApiError(active, error(403, 'PASSWORD_CHANGE_REQUIRED'), '/api/menu'))
      .toEqual({ status: 'active', session: { ...session, mustChangePassword: true } });
    expect(afterApiError(active, error(403, 'REAL_NAME_REQUIRED'), '/api/menu'))
      .toEqual({ status: 'active', session, realNameBlocked: true });
  });

  it('given too many wrong old passwords in a password change, then the login page shows the lock with the username', () => {
    const locked = new ApiError(423, [{ code: 'ACCOUNT_LOCKED', message: '账号已锁定至 …（北京时间）。' }]);
    expect(afterApiError(active, locked, '/api/auth/password'))
      .toEqual({ status: 'anonymous', notice: '账号已锁定至 …（北京时间）。', severity: 'error', username: 'jarmyy001' });
  });

  it('given any other failure, then the session stays as it is', () => {
    expect(afterApiError(active, error(422, 'required'), '/api/data/person')).toBe(active);
  });
});
