import { useEffect } from 'react';
import type { Scheduler } from '../location';

/** How often a submitted application's status is read again. */
export const REVIEW_POLL_MS = 15_000;

/**
 * While `active`, runs `reload` every `intervalMs` (one read at a time: the next is scheduled
 * after the previous answered); stops when inactive or unmounted. A failed read is retried.
 */
export function useReviewPoll(active: boolean, reload: () => Promise<unknown>, scheduler: Scheduler, intervalMs = REVIEW_POLL_MS): void {
  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let cancel = () => {};
    const next = () => {
      cancel = scheduler.after(intervalMs, () => {
        void reload().catch(() => undefined).finally(() => { if (!stopped) next(); });
      });
    };
    next();
    return () => { stopped = true; cancel(); };
  }, [active, reload, scheduler, intervalMs]);
}
