import { useEffect, useState } from 'react';
import { errorMessage, type MenuItem } from '../../api';
import { useAppServices } from '../AppServices';

export type MenuState = { status: 'loading' } | { status: 'ready'; items: MenuItem[] } | { status: 'failed'; message: string };

/** The user's menu, loaded once per session. */
export function useMenu(sessionKey: string): MenuState {
  const { api } = useAppServices();
  const [state, setState] = useState<MenuState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    api.menu().then(
      (items) => { if (live) setState({ status: 'ready', items }); },
      (e: unknown) => { if (live) setState({ status: 'failed', message: errorMessage(e) }); },
    );
    return () => { live = false; };
  }, [api, sessionKey]);
  return state;
}
