import { errorMessage } from '@zjrj/runtime-ui';
import { useEffect, useState } from 'react';

/** The result of an async load that reruns when `deps` change: value, or the Chinese error. */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]): { value?: T; error?: string; loading: boolean } {
  const [state, setState] = useState<{ value?: T; error?: string; loading: boolean }>({ loading: true });
  useEffect(() => {
    let live = true;
    setState({ loading: true });
    load().then((value) => { if (live) setState({ value, loading: false }); })
      .catch((e: unknown) => { if (live) setState({ error: errorMessage(e), loading: false }); });
    return () => { live = false; };
  }, deps);
  return state;
}
