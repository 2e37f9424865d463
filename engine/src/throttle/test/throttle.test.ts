import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineConfig } from '../../config/index.js';
import { routeGroups } from '../../http/createHttpApp.js';
import { startTestEngine, testDatabases, type HttpClient, type TestDatabase, type TestEngine } from '../../testing/index.js';
import { THROTTLE_RULES } from '../index.js';

const overrides: Partial<EngineConfig> = {
  network: { privateNetworks: ['127.0.0.0/8'], trustedProxies: ['127.0.0.1'] },
  throttle: {
    login: { perAddress: 3, perAccount: 0, windowSeconds: 60 },
    expensive: { perAddress: 5, perAccount: 2, windowSeconds: 60 },
  },
};

/** 5 s into a fixed 60 s window, a minute ahead of the real time (sessions stay valid): Retry-After is 55. */
const windowStart = Math.ceil(Date.now() / 60_000) * 60_000 + 60_000;

/** A client whose requests come through the trusted proxy (127.0.0.1) from `address`. */
function from(engine: TestEngine, address: string): HttpClient {
  const client = engine.client();
  client.defaultHeaders = { 'X-Forwarded-For': address };
  return client;
}

describe.each(testDatabases())('request throttling (%s)', (_name, makeDatabase) => {
  let database: TestDatabase;
  let one: TestEngine;
  let two: TestEngine;

  beforeAll(async () => {
    database = await makeDatabase();
    one = await startTestEngine(database, overrides);
    two = await startTestEngine(database, overrides); // a second engine process on the same database
    for (const engine of [one, two]) engine.clock.set(new Date(windowStart + 5000).toISOString());
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
    await database?.dispose();
  });

  it('throttles only paths the routes really serve', () => {
    const served = new Set(routeGroups.flatMap((group) => group(one.engine).specs).map((s) => `${s.method} ${s.path}`));
    const throttled = THROTTLE_RULES.flatMap((rule) => rule.routes.map(([method, path]) => `${method} ${path}`));
    expect(throttled.filter((route) => !served.has(route))).toEqual([]);
  });

  it('refuses a login burst from one address across usernames and engines with 429 and Retry-After, not another address', async () => {
    const attacker = [from(one, '203.0.113.7'), from(two, '203.0.113.7')];
    const statuses = [];
    for (const [i, name] of ['nosuchuser01', 'nosuchuser02', 'nosuchuser03'].entries()) statuses.push((await attacker[i % 2]!.login(name, 'Wrong#Pass7')).status);
    expect(statuses).toEqual([401, 401, 401]);
    const refused = await attacker[1]!.login('jawjj0001', 'Zjrj@-2007'); // even the right password: the address is over its limit
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('55');
    expect(refused.body.errors).toEqual([{ code: 'THROTTLED', message: expect.stringMatching(/登录尝试过于频繁.*55 秒后再试/) }]);
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await from(one, '203.0.113.8').login('nosuchuser04', 'Wrong#Pass7')).status).toBe(401);
  });

  it('lets the address log in again once the window has passed (test clock)', async () => {
    const client = from(one, '203.0.113.7');
    expect((await client.login('jawjj0001', 'Zjrj@-2007')).status).toBe(429);
    for (const engine of [one, two]) engine.clock.advance(55_000);
    expect((await client.login('jawjj0001', 'Zjrj@-2007')).status).toBe(200);
  });

  it('limits the expensive endpoints per account, then per address, and resets with the window', async () => {
    for (const engine of [one, two]) engine.clock.set(new Date(windowStart + 185_000).toISOString()); // 5 s into a later window
    const renmin = from(one, '198.51.100.4');
    const zhongxin = from(two, '198.51.100.4');
    await renmin.firstLogin('jarmyy001');
    await zhongxin.firstLogin('jazxyy001');
    expect((await renmin.download('/api/imports/person/template')).status).toBe(200);
    expect((await renmin.download('/api/exports/person')).status).toBe(200);
    const overAccount = await renmin.download('/api/imports/person/template');
    expect(overAccount.status).toBe(429);
    expect(overAccount.headers.get('retry-after')).toBe('55');
    expect(overAccount.body.errors[0]).toEqual({ code: 'THROTTLED', message: expect.stringMatching(/操作过于频繁.*55 秒后再试/) });
    // Another account from the same address: its own 2, until the address has made 5.
    expect((await zhongxin.download('/api/exports/person')).status).toBe(200);
    expect((await zhongxin.download('/api/exports/person')).status).toBe(200);
    expect((await from(one, '198.51.100.5').download('/api/health')).status).toBe(200);
    const overAddress = await zhongxin.sameSessionOn(one.baseUrl).download('/api/exports/person');
    expect(overAddress.status).toBe(429);
    // Ordinary endpoints are not counted.
    expect((await renmin.get('/api/auth/me')).status).toBe(200);
    for (const engine of [one, two]) engine.clock.advance(55_000);
    expect((await renmin.download('/api/exports/person')).status).toBe(200);
  });
});
