import type { ApiError, Session } from '../../api';

export type SessionState =
  | { status: 'loading' }
  /** `notice` is shown on the login page (`severity` error: as a refusal); `username` is filled in. */
  | { status: 'anonymous'; notice?: string; severity?: 'error'; username?: string }
  | { status: 'active'; session: Session; realNameBlocked?: boolean };

const PASSWORD_CHANGE = '/api/auth/password';

/**
 * How a failed call changes the session: expired login, pending password change, no real-name
 * approval, a second factor to enrol, or an account locked by too many wrong old passwords (the
 * server ended the session).
 */
export function afterApiError(state: SessionState, error: ApiError, path: string): SessionState {
  if (state.status !== 'active') return state;
  if (error.status === 401 && !path.startsWith('/api/auth/')) {
    return { status: 'anonymous', notice: '登录已超时，请重新登录。' };
  }
  if (error.status === 423 && path === PASSWORD_CHANGE) {
    return { status: 'anonymous', notice: error.message, severity: 'error', username: state.session.user.username };
  }
  if (error.hasCode('PASSWORD_CHANGE_REQUIRED')) return { ...state, session: { ...state.session, mustChangePassword: true } };
  if (error.hasCode('REAL_NAME_REQUIRED')) return { ...state, realNameBlocked: true };
  if (error.hasCode('TWO_FACTOR_ENROLMENT_REQUIRED')) return { ...state, session: { ...state.session, twoFactor: { enabled: false, required: true } } };
  return state;
}
