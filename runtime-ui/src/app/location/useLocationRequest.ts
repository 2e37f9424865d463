import { useCallback, useEffect, useReducer } from 'react';
import { ApiError, errorMessage, type LocationApi } from '../../api';
import { IDLE, nextLocation, POLL_INTERVAL_MS, type LocationState } from './locationMachine';
import { timerScheduler, type Scheduler } from './scheduler';

export interface LocationRequest {
  state: LocationState;
  /** A new QR code (also after expiry or a failure). */
  start(): void;
  /** Stops polling and forgets the request (the dialog closed). */
  close(): void;
}

/** 404/410: the server no longer knows the token, i.e. it expired (or was used). */
const isGone = (error: unknown): boolean => error instanceof ApiError && (error.status === 404 || error.status === 410);

/**
 * Drives the location state machine: creates the request, then polls its status every 2 s while
 * waiting (one poll at a time: the next is scheduled after an answer). Closing or expiry stops it.
 */
export function useLocationRequest(api: LocationApi, scheduler: Scheduler = timerScheduler): LocationRequest {
  const [state, dispatch] = useReducer(nextLocation, IDLE);

  const start = useCallback(() => {
    dispatch({ type: 'start' });
    api.request().then((request) => dispatch({ type: 'created', request }),
      (e: unknown) => dispatch({ type: 'createFailed', message: errorMessage(e) }));
  }, [api]);

  const close = useCallback(() => dispatch({ type: 'close' }), []);

  useEffect(() => {
    if (state.phase !== 'waiting') return undefined;
    const { token } = state.request;
    let live = true;
    const cancel = scheduler.after(POLL_INTERVAL_MS, () => {
      api.status(token).then(
        (status) => { if (live) dispatch({ type: 'polled', token, status }); },
        (e: unknown) => { if (live) dispatch({ type: 'pollFailed', token, message: errorMessage(e), gone: isGone(e) }); },
      );
    });
    return () => { live = false; cancel(); };
  }, [api, scheduler, state]);

  return { state, start, close };
}
