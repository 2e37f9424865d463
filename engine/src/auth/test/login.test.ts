import { describe, expect, it } from 'vitest';
import { useTestEngine, testDatabases } from '../../testing/index.js';

describe.each(testDatabases())('login, sessions and CSRF (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);

  it('logs in with the default password, in an HttpOnly SameSite session cookie, and requires a password change', async () => {
    const client = ctx.engine.client();
    const response = await client.login('jarmyy001', 'Zjrj@-2007');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ mustChangePassword: true, csrfToken: expect.any(String),
      user: { username: 'jarmyy001', nickname: '江岸区人民医院', orgId: expect.any(String), roles: ['main'], realNameStatus: 'approved' } });
    expect(response.body.user.permissions).toContain('hr.person.create');
    expect(response.headers.get('set-cookie')).toMatch(/^sid=[\w-]{40,};.*httponly/i);
    expect(response.headers.get('set-cookie')).toMatch(/samesite=lax/i);
  });

  it('gives unknown usernames exactly the answer of a wrong password', async () => {
    const wrong = await ctx.engine.client().login('jarmyy001', 'Wrong#pass1');
    const unknown = await ctx.engine.client().login('nobody0001', 'Wrong#pass1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.errors[0].code).toBe('INVALID_CREDENTIALS');
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('accepts the username in any letter case', async () => {
    expect((await ctx.engine.client().login('JARMYY001', 'Zjrj@-2007')).status).toBe(200);
  });

  it('allows only me, logout and the password change until the password is changed', async () => {
    const client = ctx.engine.client();
    await client.login('jazxyy001', 'Zjrj@-2007');
    expect((await client.get('/api/auth/me')).status).toBe(200);
    for (const path of ['/api/entities', '/api/menu', '/api/data/person']) {
      const blocked = await client.get(path);
      expect(blocked.status).toBe(403);
      expect(blocked.body.errors[0].code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    expect((await client.post('/api/data/post', { data: { name: 'x' } })).body.errors[0].code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('refuses a state-changing request without the CSRF token of the session', async () => {
    const client = ctx.engine.client();
    await client.login('jawjj0001', 'Zjrj@-2007');
    const missing = await client.request('POST', '/api/auth/logout', {}, { 'X-CSRF-Token': '' });
    expect(missing.status).toBe(403);
    expect(missing.body.errors[0].code).toBe('CSRF');
    const wrong = await client.request('POST', '/api/auth/password', {}, { 'X-CSRF-Token': 'forged' });
    expect(wrong.body.errors[0].code).toBe('CSRF');
    expect((await client.get('/api/auth/me')).body.csrfToken).toBe(client.csrfToken);
  });

  it('refuses a login or write posted from another site (Origin), and keeps the session on a failed login', async () => {
    const client = ctx.engine.client();
    const forged = await client.request('POST', '/api/auth/login', { username: 'jarmyy001', password: 'Zjrj@-2007' },
      { Origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect(forged.body.errors[0].code).toBe('CSRF');
    await client.login('jazxyy001', 'Zjrj@-2007');
    expect((await client.request('POST', '/api/auth/login', { username: 'jazxyy001', password: 'nope' })).status).toBe(401);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const sameSite = await client.request('GET', '/api/auth/me', undefined, { Origin: 'https://evil.example' });
    expect(sameSite.status).toBe(200);
  });

  it('issues a new session at every login and ends the old one at logout', async () => {
    const client = ctx.engine.client();
    await client.login('hbwjw0001', 'Zjrj@-2007');
    const stolen = client.sharingSession();
    await client.login('hbwjw0001', 'Zjrj@-2007');
    expect((await stolen.get('/api/auth/me')).status).toBe(401);
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('ends a session after the idle timeout, measured on the engine clock', async () => {
    const client = ctx.engine.client();
    await client.login('whwjw0001', 'Zjrj@-2007');
    ctx.engine.clock.advance(29 * 60_000);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    ctx.engine.clock.advance(31 * 60_000);
    const expired = await client.get('/api/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].message).toMatch(/重新登录/);
  });

  it('answers 401 to business calls without a session', async () => {
    expect((await ctx.engine.client().get('/api/data/person')).status).toBe(401);
    expect((await ctx.engine.client().get('/api/entities')).status).toBe(401);
  });
});
