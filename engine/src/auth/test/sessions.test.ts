import { describe, expect, it } from 'vitest';
import { testDatabases, useTestEngine } from '../../testing/index.js';

const MINUTE = 60_000;

describe.each(testDatabases())('session lifetime (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase, { session: { idleMinutes: 30, absoluteHours: 12, cookieSecure: false, identityCacheMs: 2000 } });

  it('ends a session used all day at the absolute limit of 12 hours', async () => {
    const client = ctx.engine.client();
    await client.firstLogin('jarmyy001');
    for (let elapsed = 0; elapsed < 11 * 60 + 40; elapsed += 20) {
      ctx.engine.clock.advance(20 * MINUTE);
      expect((await client.get('/api/auth/me')).status).toBe(200);
    }
    ctx.engine.clock.advance(20 * MINUTE);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('ends an idle session after 30 minutes, not before', async () => {
    const client = ctx.engine.client();
    await client.firstLogin('jazxyy001');
    ctx.engine.clock.advance(29 * MINUTE);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    ctx.engine.clock.advance(30 * MINUTE + 1000);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('sets an HttpOnly, SameSite cookie without Secure over plain HTTP', async () => {
    const response = await ctx.engine.client().login('jawjj0001', 'Zjrj@-2007');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/httponly/i);
    expect(cookie).toMatch(/samesite=lax/i);
    expect(cookie).not.toMatch(/secure/i);
  });
});

describe.each(testDatabases())('session cookie behind HTTPS (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase, { network: { privateNetworks: ['127.0.0.0/8'], trustedProxies: ['127.0.0.1/32', '::1/128'] } });

  it('is Secure when a trusted proxy says the request came over HTTPS', async () => {
    const client = ctx.engine.client();
    const response = await client.request('POST', '/api/auth/login', { username: 'jarmyy001', password: 'Zjrj@-2007' },
      { 'X-Forwarded-Proto': 'https' });
    expect(response.headers.get('set-cookie')).toMatch(/;\s*secure/i);
  });
});
