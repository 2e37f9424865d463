import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { errorMessage } from '../../api';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

export type Reloadable<T> = Loadable<T> & {
  /** A load is running (the first one, or a reload while the last value is still shown). */
  pending: boolean;
  reload(): void;
};

/**
 * The result of an async load, re-run when `deps` change or `reload` is called. A reload keeps
 * showing the last value (no flicker) until the new one arrives.
 */
export function useLoadable<T>(load: () => Promise<T>, deps: DependencyList): Reloadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [pending, setPending] = useState(true);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    setPending(true);
    load().then(
      (value) => { if (live) setState({ status: 'ready', value }); },
      (e: unknown) => { if (live) setState({ status: 'failed', message: errorMessage(e) }); },
    ).finally(() => { if (live) setPending(false); });
    return () => { live = false; };
    // The caller names what `load` depends on.
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, pending, reload };
}
