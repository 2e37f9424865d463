import type { ApiError, Session } from '../../api';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; notice?: string }
  | { status: 'active'; session: Session; realNameBlocked?: boolean };

/** How a failed call changes the session: expired login, pending password change, no real-name approval. */
export function afterApiError(state: SessionState, error: ApiError, path: string): SessionState {
  if (state.status !== 'active') return state;
  if (error.status === 401 && !path.startsWith('/api/auth/')) {
    return { status: 'anonymous', notice: '登录已超时，请重新登录。' };
  }
  if (error.hasCode('PASSWORD_CHANGE_REQUIRED')) return { ...state, session: { ...state.session, mustChangePassword: true } };
  if (error.hasCode('REAL_NAME_REQUIRED')) return { ...state, realNameBlocked: true };
  return state;
}
