import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Session, TwoFactorChallenge } from '../../api';
import { useAppServices } from '../AppServices';
import { afterApiError, type SessionState } from './sessionTransitions';

export type { SessionState } from './sessionTransitions';

export interface SessionControl {
  state: SessionState;
  /** The session, or the request for a second-factor code (then `completeTwoFactor`). */
  login(username: string, password: string): Promise<Session | TwoFactorChallenge>;
  completeTwoFactor(code: string): Promise<Session>;
  logout(): Promise<void>;
  /** Re-reads the session (e.g. after the password was changed). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionControl | undefined>(undefined);

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
      const answer = await api.login(username, password);
      if (!('twoFactorRequired' in answer)) setState({ status: 'active', session: answer });
      return answer;
    },
    async completeTwoFactor(code) {
      const session = await api.loginTwoFactor(code);
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
