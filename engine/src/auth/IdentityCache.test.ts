import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/index.js';
import type { AccountModel, OrgModel, SessionModel } from '../db/index.js';
import { IdentityCache, type Identity } from './IdentityCache.js';

const identity = (sessionId: string, accountId: string): Identity => ({
  session: { id: sessionId } as SessionModel, account: { id: accountId } as AccountModel, org: {} as OrgModel,
  roles: [], roleNames: [], permissions: new Set(),
});

describe('IdentityCache', () => {
  it('keeps an identity for its lifetime only, on the engine clock', () => {
    const clock = new ManualClock();
    const cache = new IdentityCache(clock, 2000);
    cache.set(identity('s1', 'a1'));
    clock.advance(1999);
    expect(cache.get('s1')?.account.id).toBe('a1');
    clock.advance(1);
    expect(cache.get('s1')).toBeUndefined();
  });

  it('forgets a session, and every session of an account, at once', () => {
    const cache = new IdentityCache(new ManualClock(), 60_000);
    for (const [s, a] of [['s1', 'a1'], ['s2', 'a1'], ['s3', 'a2']]) cache.set(identity(s!, a!));
    cache.forgetSession('s3');
    cache.forgetAccount('a1');
    expect(['s1', 's2', 's3'].map((s) => cache.get(s))).toEqual([undefined, undefined, undefined]);
  });

  it('holds nothing when its lifetime is zero, and no more than its size', () => {
    const off = new IdentityCache(new ManualClock(), 0);
    off.set(identity('s1', 'a1'));
    expect(off.get('s1')).toBeUndefined();
    const small = new IdentityCache(new ManualClock(), 60_000, 2);
    for (const s of ['s1', 's2', 's3']) small.set(identity(s, 'a'));
    expect(['s1', 's2', 's3'].map((s) => small.get(s) !== undefined)).toEqual([false, true, true]);
  });
});
