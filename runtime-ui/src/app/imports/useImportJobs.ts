import { useCallback, useEffect, useState } from 'react';
import { errorMessage, isJobActive, type ImportJobPage, type ImportsApi } from '../../api';
import { timerScheduler, type Scheduler } from '../location';

/** How often the list is read again while a job is queued or running. */
export const JOBS_POLL_MS = 2000;
/** Failed reads in a row after which the page stops refreshing by itself (刷新 starts again). */
export const MAX_JOBS_POLL_FAILURES = 3;

export interface ImportJobs {
  page: ImportJobPage;
  /** The first read of a page is running (polls refresh in place). */
  loading: boolean;
  error?: string;
  /** When the list was last read (for the running time of active jobs). */
  readAt: number;
  /** A job on this page is still queued or running (the list refreshes by itself). */
  live: boolean;
  reload(): void;
}

/**
 * One page of the user's import jobs, read again every 2 s (one read at a time: the next is
 * scheduled after an answer) while any job on it is queued or running. Stops when none is, and
 * when the page unmounts. A failed read keeps the last list and tries again while jobs were live,
 * up to 3 failures in a row.
 */
export function useImportJobs(api: ImportsApi, paging: { page: number; pageSize: number },
  scheduler: Scheduler = timerScheduler): ImportJobs {
  const [state, setState] = useState<Omit<ImportJobs, 'loading' | 'reload'>>({ page: { items: [], total: 0 }, readAt: 0, live: false });
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let mounted = true;
    let cancel: () => void = () => undefined;
    let wasLive = false;
    let failures = 0;
    const read = () => {
      api.jobs(paging).then((page) => {
        if (!mounted) return;
        failures = 0;
        wasLive = page.items.some(isJobActive);
        setState({ page, readAt: Date.now(), live: wasLive });
        if (wasLive) cancel = scheduler.after(JOBS_POLL_MS, read);
      }, (e: unknown) => {
        if (!mounted) return;
        setState((last) => ({ ...last, error: errorMessage(e) }));
        failures += 1;
        if (wasLive && failures < MAX_JOBS_POLL_FAILURES) cancel = scheduler.after(JOBS_POLL_MS, read);
      }).finally(() => { if (mounted) setLoading(false); });
    };
    setLoading(true);
    read();
    return () => { mounted = false; cancel(); };
  }, [api, scheduler, paging.page, paging.pageSize, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, loading, reload };
}
