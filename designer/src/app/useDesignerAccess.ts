import { ApiError, type Session } from '@zjrj/runtime-ui';
import { useEffect, useState } from 'react';
import type { DesignerServices } from './DesignerServices';

export type DesignerAccess =
  | { status: 'loading' }
  /** Not logged in (or the first-login steps are not done): the runtime UI's login takes over. */
  | { status: 'login' }
  | { status: 'forbidden'; session: Session; message: string }
  | { status: 'failed'; message: string }
  | { status: 'ready'; session: Session; editableKinds: string[] };

/** Where the runtime UI's login sends the user back to after logging in. */
export function loginUrl(location: Pick<Location, 'pathname' | 'hash'>): string {
  return `/?next=${encodeURIComponent(`${location.pathname}${location.hash}`)}`;
}

/** Restores the session (and with it the CSRF token), then asks the engine what the user may design. */
export async function resolveAccess({ runtime, designer }: DesignerServices): Promise<DesignerAccess> {
  let session: Session;
  try {
    session = await runtime.me();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return { status: 'login' };
    return { status: 'failed', message: e instanceof ApiError ? e.message : '无法连接服务器，请检查网络后刷新页面。' };
  }
  if (session.mustChangePassword || session.user.realNameStatus !== 'approved') return { status: 'login' };
  try {
    return { status: 'ready', session, editableKinds: (await designer.me()).editableKinds };
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return { status: 'login' };
    if (e instanceof ApiError && e.status === 403) return { status: 'forbidden', session, message: e.message };
    return { status: 'failed', message: e instanceof ApiError ? e.message : '无法连接服务器，请检查网络后刷新页面。' };
  }
}

export function useDesignerAccess(services: DesignerServices): DesignerAccess {
  const [access, setAccess] = useState<DesignerAccess>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void resolveAccess(services).then((a) => { if (live) setAccess(a); });
    return () => { live = false; };
  }, [services]);
  useEffect(() => {
    if (access.status === 'login') window.location.assign(loginUrl(window.location));
  }, [access.status]);
  return access;
}
