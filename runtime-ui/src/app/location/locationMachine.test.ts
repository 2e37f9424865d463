import { describe, expect, it } from 'vitest';
import type { LocationRequestView } from '../../api';
import { IDLE, MAX_POLL_FAILURES, nextLocation, reportedPosition, type LocationEvent, type LocationState } from './locationMachine';

const request = (token: string): LocationRequestView =>
  ({ token, url: `http://x/m/location/${token}`, qrSvg: '<svg/>', expiresAt: '2026-11-25T10:10:00.000Z' });
const run = (events: LocationEvent[], from: LocationState = IDLE): LocationState => events.reduce(nextLocation, from);
const pending = (token: string): LocationEvent => ({ type: 'polled', token, status: { status: 'pending', expiresAt: '' } });

describe('location state machine', () => {
  it('given a request, when the phone reports, then the position (rounded to 6 decimals) waits for 确认使用', () => {
    const state = run([{ type: 'start' }, { type: 'created', request: request('t1') }, pending('t1'), pending('t1'),
      { type: 'polled', token: 't1', status: { status: 'received', expiresAt: '', longitude: 114.30535123456, latitude: 30.5928449, accuracy: 12 } }]);
    expect(state).toEqual({ phase: 'received', request: request('t1'), position: { longitude: 114.305351, latitude: 30.592845, accuracy: 12 } });
  });

  it('given waiting, then every pending answer is a new state (the driver schedules the next poll on it)', () => {
    const waiting = run([{ type: 'start' }, { type: 'created', request: request('t1') }]);
    const after = nextLocation(waiting, pending('t1'));
    expect(after).not.toBe(waiting);
    expect(after).toMatchObject({ phase: 'waiting', polls: 1, failures: 0 });
  });

  it('given the server says expired, or no longer knows the token, then it is expired and polling stops', () => {
    const waiting = run([{ type: 'start' }, { type: 'created', request: request('t1') }]);
    expect(nextLocation(waiting, { type: 'polled', token: 't1', status: { status: 'expired', expiresAt: '' } }).phase).toBe('expired');
    expect(nextLocation(waiting, { type: 'pollFailed', token: 't1', message: '不存在', gone: true }).phase).toBe('expired');
  });

  it('given polls failing, then it keeps waiting until the limit, then says why', () => {
    const fail: LocationEvent = { type: 'pollFailed', token: 't1', message: '无法连接服务器，请检查网络后重试。', gone: false };
    let state = run([{ type: 'start' }, { type: 'created', request: request('t1') }]);
    for (let i = 1; i < MAX_POLL_FAILURES; i += 1) {
      state = nextLocation(state, fail);
      expect(state).toMatchObject({ phase: 'waiting', failures: i });
    }
    expect(nextLocation(state, pending('t1'))).toMatchObject({ phase: 'waiting', failures: 0 });
    expect(nextLocation(state, fail)).toEqual({ phase: 'failed', message: '查询手机定位结果失败：无法连接服务器，请检查网络后重试。' });
  });

  it('given answers for an earlier QR code or after closing, then nothing changes', () => {
    const waiting = run([{ type: 'start' }, { type: 'created', request: request('t2') }]);
    expect(nextLocation(waiting, { type: 'polled', token: 't1', status: { status: 'expired', expiresAt: '' } })).toBe(waiting);
    const closed = nextLocation(waiting, { type: 'close' });
    expect(closed).toBe(IDLE);
    expect(nextLocation(closed, pending('t2'))).toBe(IDLE);
    expect(nextLocation(closed, { type: 'created', request: request('t3') })).toBe(IDLE);
  });

  it('given a failed creation, then it says why; starting again asks for a new code', () => {
    const failed = run([{ type: 'start' }, { type: 'createFailed', message: '您没有权限进行此操作。' }]);
    expect(failed).toEqual({ phase: 'failed', message: '您没有权限进行此操作。' });
    expect(nextLocation(failed, { type: 'start' })).toEqual({ phase: 'creating' });
  });

  it('given a received status without coordinates, then it is refused rather than filling nonsense', () => {
    expect(reportedPosition({ status: 'received', expiresAt: '', longitude: 114.3 })).toBeUndefined();
    const state = run([{ type: 'start' }, { type: 'created', request: request('t1') },
      { type: 'polled', token: 't1', status: { status: 'received', expiresAt: '' } }]);
    expect(state.phase).toBe('failed');
  });
});
