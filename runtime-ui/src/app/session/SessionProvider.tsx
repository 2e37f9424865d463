import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiError, Session } from '../../api';
import { useAppServices } from '../AppServices';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; notice?: string }
  | { status: 'active'; session: Session; realNameBlocked?: boolean };

export interface SessionControl {
  state: SessionState;
  login(username: string, password: string): Promise<Session>;
  logout(): Promise<void>;
  /** Re-reads the session (e.g. after the password was changed). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionControl | undefined>(undefined);

/** How a failed call changes the session: expired login, pending password change, no real-name approval. */
function afterApiError(state: SessionState, error: ApiError, path: string): SessionState {
  if (state.status !== 'active') return state;
  if (error.status === 401 && !path.startsWith('/api/auth/')) {
    return { status: 'anonymous', notice: '登录已超时，请重新登录。' };
  }
  if (error.hasCode('PASSWORD_CHANGE_REQUIRED')) return { ...state, session: { ...state.session, mustChangePassword: true } };
  if (error.hasCode('REAL_NAME_REQUIRED')) return { ...state, realNameBlocked: true };
  return state;
}

/** Holds who is logged in: restored from `GET /api/auth/me` on load, changed by login/logout and failed calls. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { api, onApiError } = useAppServices();
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      setState({ status: 'active', session: await api.me() });
    } catch {
      setState({ status: 'anonymous' });
    }
  }, [api]);

  useEffect(() => { void refresh(); }, [refresh]);
  useEffect(() => onApiError((error, path) => setState((s) => afterApiError(s, error, path))), [onApiError]);

  const control = useMemo<SessionControl>(() => ({
    state,
    refresh,
    async login(username, password) {
      const session = await api.login(username, password);
      setState({ status: 'active', session });
      return session;
    },
    async logout() {
      await api.logout().catch(() => undefined);
      setState({ status: 'anonymous' });
    },
  }), [api, state, refresh]);

  return <SessionContext.Provider value={control}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionControl {
  const control = useContext(SessionContext);
  if (!control) throw new Error('useSession outside SessionProvider');
  return control;
}

/** The active session; only for components rendered while someone is logged in. */
export function useActiveSession(): Session {
  const { state } = useSession();
  if (state.status !== 'active') throw new Error('useActiveSession without an active session');
  return state.session;
}
