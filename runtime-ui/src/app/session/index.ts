export { SessionProvider, useActiveSession, useSession, type SessionControl, type SessionState } from './SessionProvider';
