import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeApi } from '../../api';
import { App } from '../App';
import { GEO_MESSAGES } from './geolocation';

interface Call { method: string; url: string; body?: unknown }

/** The engine's answers by method and path, through the real API client; every call is recorded. */
function services(answers: Record<string, { status: number; body?: unknown }>) {
  const calls: Call[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ method, url, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    const answer = answers[`${method} ${url}`] ?? { status: 404 };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  };
  return { calls, app: { api: new RuntimeApi({ fetch }), onApiError: () => () => undefined } };
}

/** The phone's Geolocation: one fixed answer (a position or an error code). */
function phone(answer: { longitude: number; latitude: number; accuracy: number } | { code: number }) {
  Object.defineProperty(window, 'isSecureContext', { configurable: true, value: true });
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: {
    getCurrentPosition: (ok: PositionCallback, fail: PositionErrorCallback) => ('code' in answer
      ? fail({ code: answer.code } as GeolocationPositionError)
      : ok({ coords: answer, timestamp: 0 } as unknown as GeolocationPosition)),
  } });
}

const PUBLIC = 'GET /api/location-requests/tok/public';
const pending = { status: 200, body: { status: 'pending', expiresAt: '2026-11-25T10:10:00.000Z', orgName: '江岸区人民医院' } };

describe('/m/location/:token on the phone', () => {
  beforeEach(() => window.history.pushState(null, '', '/m/location/tok'));
  afterEach(() => window.history.pushState(null, '', '/'));

  it('opens without login, reads the position and sends it once', async () => {
    phone({ longitude: 114.305, latitude: 30.593, accuracy: 9 });
    const { app, calls } = services({ [PUBLIC]: pending, 'POST /api/location-requests/tok/position': { status: 204 } });
    render(<App services={app} />);
    expect(await screen.findByText(/江岸区人民医院/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /获取当前位置/ }));
    expect((await screen.findByTestId('reported-longitude')).textContent).toBe('114.305');
    fireEvent.click(screen.getByRole('button', { name: /发送/ }));
    expect(await screen.findByText('位置已发送')).toBeTruthy();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([PUBLIC, 'POST /api/location-requests/tok/position']);
    expect(calls[1]!.body).toEqual({ longitude: 114.305, latitude: 30.593, accuracy: 9 });
  });

  it('given the permission is denied, then it says how to allow it and offers to try again', async () => {
    phone({ code: 1 });
    const { app } = services({ [PUBLIC]: pending });
    render(<App services={app} />);
    fireEvent.click(await screen.findByRole('button', { name: /获取当前位置/ }));
    expect((await screen.findByRole('alert')).textContent).toBe(GEO_MESSAGES.denied);
  });

  it('given an expired code, then it says to make a new one on the computer', async () => {
    const { app } = services({ [PUBLIC]: { status: 200, body: { status: 'expired', expiresAt: '' } } });
    render(<App services={app} />);
    expect(await screen.findByText(/重新点击“手机定位”/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /获取当前位置/ })).toBeNull();
  });
});
