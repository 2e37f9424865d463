import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RuntimeApi } from '../../api';
import { POLL_INTERVAL_MS } from './locationMachine';
import type { Scheduler } from './scheduler';
import { useLocationRequest } from './useLocationRequest';

/** A scheduler that runs nothing by itself: the test decides when "2 seconds have passed". */
function manualScheduler() {
  const pending: Array<{ ms: number; run: () => void; cancelled: boolean }> = [];
  const scheduler: Scheduler = {
    after(ms, run) {
      const task = { ms, run, cancelled: false };
      pending.push(task);
      return () => { task.cancelled = true; };
    },
  };
  const live = () => pending.filter((t) => !t.cancelled);
  return { scheduler, live, runNext: () => { const task = live()[0]!; task.cancelled = true; task.run(); } };
}

/** The engine's answers, in order, through the real API client. */
function engine(answers: Array<{ status: number; body?: unknown }>) {
  const urls: string[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    urls.push(`${init?.method ?? 'GET'} ${url}`);
    const next = answers.shift()!;
    return new Response(next.body === undefined ? null : JSON.stringify(next.body), { status: next.status });
  };
  return { api: new RuntimeApi({ fetch }).location, urls };
}

const created = { token: 'tok', url: 'http://x/m/location/tok', qrSvg: '<svg/>', expiresAt: '2026-11-25T10:10:00.000Z' };

describe('useLocationRequest', () => {
  it('creates a request, polls every 2 s one at a time until the phone reports, then stops', async () => {
    const { api, urls } = engine([
      { status: 201, body: created },
      { status: 200, body: { status: 'pending', expiresAt: created.expiresAt } },
      { status: 200, body: { status: 'received', expiresAt: created.expiresAt, longitude: 114.3, latitude: 30.6, accuracy: 8 } },
    ]);
    const clock = manualScheduler();
    const { result } = renderHook(() => useLocationRequest(api, clock.scheduler));
    act(() => result.current.start());
    await waitFor(() => expect(result.current.state.phase).toBe('waiting'));
    expect(clock.live().map((t) => t.ms)).toEqual([POLL_INTERVAL_MS]);

    await act(async () => clock.runNext());
    await waitFor(() => expect(result.current.state).toMatchObject({ phase: 'waiting', polls: 1 }));
    expect(clock.live()).toHaveLength(1); // the next poll, only after the answer

    await act(async () => clock.runNext());
    await waitFor(() => expect(result.current.state).toMatchObject({ phase: 'received', position: { longitude: 114.3, latitude: 30.6, accuracy: 8 } }));
    expect(clock.live()).toHaveLength(0);
    expect(urls).toEqual(['POST /api/location-requests', 'GET /api/location-requests/tok', 'GET /api/location-requests/tok']);
  });

  it('given the dialog closes while waiting, then the scheduled poll is cancelled', async () => {
    const { api, urls } = engine([{ status: 201, body: created }]);
    const clock = manualScheduler();
    const { result } = renderHook(() => useLocationRequest(api, clock.scheduler));
    act(() => result.current.start());
    await waitFor(() => expect(clock.live()).toHaveLength(1));
    act(() => result.current.close());
    expect(result.current.state.phase).toBe('idle');
    expect(clock.live()).toHaveLength(0);
    expect(urls).toEqual(['POST /api/location-requests']);
  });

  it('given the token is gone (410), then the request is expired and no poll is scheduled', async () => {
    const { api } = engine([{ status: 201, body: created }, { status: 410, body: { errors: [{ code: 'GONE', message: '已过期' }] } }]);
    const clock = manualScheduler();
    const { result } = renderHook(() => useLocationRequest(api, clock.scheduler));
    act(() => result.current.start());
    await waitFor(() => expect(clock.live()).toHaveLength(1));
    await act(async () => clock.runNext());
    await waitFor(() => expect(result.current.state.phase).toBe('expired'));
    expect(clock.live()).toHaveLength(0);
  });
});
