import type { LocationRequestView, LocationStatus } from '../../api';

/**
 * The desktop side of 手机定位 as a pure state machine: ask for a token (QR code), poll
 * until the phone reports or the token expires, then offer the position to 确认使用. No timers
 * here: the driver (useLocationRequest) schedules the polls while the state says `waiting`.
 */
export interface ReportedPosition {
  longitude: number;
  latitude: number;
  /** Metres, as the phone reported it. */
  accuracy?: number;
}

export type LocationState =
  | { phase: 'idle' }
  | { phase: 'creating' }
  /** `polls` counts answers, so each pending answer is a new state (and schedules the next poll). */
  | { phase: 'waiting'; request: LocationRequestView; polls: number; failures: number }
  | { phase: 'received'; request: LocationRequestView; position: ReportedPosition }
  | { phase: 'expired'; request?: LocationRequestView }
  | { phase: 'failed'; message: string };

export type LocationEvent =
  | { type: 'start' }
  | { type: 'created'; request: LocationRequestView }
  | { type: 'createFailed'; message: string }
  | { type: 'polled'; token: string; status: LocationStatus }
  /** `gone`: the server no longer knows the token (expired and cleaned up, 404/410). */
  | { type: 'pollFailed'; token: string; message: string; gone: boolean }
  | { type: 'close' };

export const IDLE: LocationState = { phase: 'idle' };
/** How long the driver waits after an answer before it asks again. */
export const POLL_INTERVAL_MS = 2000;
/** Polls that may fail in a row (a network blip) before the user is told. */
export const MAX_POLL_FAILURES = 3;
const DECIMALS = 1e6;

const round = (value: number): number => Math.round(value * DECIMALS) / DECIMALS;

/** The reported position, rounded to 6 decimals (about 0.1 m); undefined when it lacks a coordinate. */
export function reportedPosition(status: LocationStatus): ReportedPosition | undefined {
  const { longitude, latitude, accuracy } = status;
  if (typeof longitude !== 'number' || typeof latitude !== 'number') return undefined;
  return { longitude: round(longitude), latitude: round(latitude), ...(typeof accuracy === 'number' ? { accuracy } : {}) };
}

function afterPoll(state: Extract<LocationState, { phase: 'waiting' }>, status: LocationStatus): LocationState {
  if (status.status === 'expired') return { phase: 'expired', request: state.request };
  if (status.status === 'received') {
    const position = reportedPosition(status);
    return position
      ? { phase: 'received', request: state.request, position }
      : { phase: 'failed', message: '手机发送的位置不完整，请重新生成二维码后再扫码定位。' };
  }
  return { ...state, polls: state.polls + 1, failures: 0 };
}

function afterPollFailure(state: Extract<LocationState, { phase: 'waiting' }>, message: string, gone: boolean): LocationState {
  if (gone) return { phase: 'expired', request: state.request };
  const failures = state.failures + 1;
  if (failures < MAX_POLL_FAILURES) return { ...state, polls: state.polls + 1, failures };
  return { phase: 'failed', message: `查询手机定位结果失败：${message}` };
}

type Handlers = { [T in LocationEvent['type']]: (state: LocationState, event: Extract<LocationEvent, { type: T }>) => LocationState };

const isCurrent = (state: LocationState, token: string): state is Extract<LocationState, { phase: 'waiting' }> =>
  state.phase === 'waiting' && state.request.token === token;

const handlers: Handlers = {
  close: () => IDLE,
  start: (state) => (state.phase === 'creating' || state.phase === 'waiting' ? state : { phase: 'creating' }),
  created: (state, e) => (state.phase === 'creating' ? { phase: 'waiting', request: e.request, polls: 0, failures: 0 } : state),
  createFailed: (state, e) => (state.phase === 'creating' ? { phase: 'failed', message: e.message } : state),
  polled: (state, e) => (isCurrent(state, e.token) ? afterPoll(state, e.status) : state),
  pollFailed: (state, e) => (isCurrent(state, e.token) ? afterPollFailure(state, e.message, e.gone) : state),
};

/** The next state; an event that does not apply (e.g. a late answer for an earlier QR code) changes nothing. */
export function nextLocation(state: LocationState, event: LocationEvent): LocationState {
  return (handlers[event.type] as (s: LocationState, e: LocationEvent) => LocationState)(state, event);
}
