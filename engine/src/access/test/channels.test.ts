import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

const network = (trustedProxies: string[]) => ({ network: { privateNetworks: ['88.7.0.0/16'], trustedProxies } });
const from = (address: string) => ({ 'X-Forwarded-For': address });

/** Access channels: the test client is the proxy on loopback; X-Forwarded-For names the user's address. */
describe.each(testDatabases())('access channels behind a trusted proxy (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase, network(['127.0.0.1/32', '::1/128']));
  let district: HttpClient;
  let institution: HttpClient;
  let mainAccountId: string;

  beforeAll(async () => {
    [district, institution] = [ctx.engine.client(), ctx.engine.client()];
    district.defaultHeaders = from('88.7.1.2');
    await district.firstLogin('jawjj0001');
    institution.defaultHeaders = from('88.7.3.4');
    await institution.firstLogin('jarmyy001');
    mainAccountId = (await district.get('/api/accounts?scope=below&q=jarmyy001')).body.items[0].id;
    const closed = await district.put(`/api/accounts/${mainAccountId}`, { internetAccess: false });
    expect(closed.body.internetAccess).toBe(false);
  });

  it('refuses a login from the internet of an account without internet access, after checking the password', async () => {
    const client = ctx.engine.client();
    const outside = await client.request('POST', '/api/auth/login', { username: 'jarmyy001', password: 'Hosp#2024!x' }, from('8.8.8.8'));
    expect(outside.status).toBe(403);
    expect(outside.body.errors[0]).toMatchObject({ code: 'INTERNET_ACCESS_DISABLED', message: expect.stringContaining('没有开通互联网访问权限') });
    const wrong = await client.request('POST', '/api/auth/login', { username: 'jarmyy001', password: 'Wrong#Pass7' }, from('8.8.8.8'));
    expect(wrong.status).toBe(401);
    const inside = await client.request('POST', '/api/auth/login', { username: 'jarmyy001', password: 'Hosp#2024!x' }, from('88.7.9.9'));
    expect(inside.status).toBe(200);
  });

  it('refuses every request of that account that comes from the internet, even with a valid session', async () => {
    expect((await institution.get('/api/auth/me')).status).toBe(200);
    const outside = await institution.request('GET', '/api/data/person', undefined, from('8.8.8.8'));
    expect(outside.status).toBe(403);
    expect(outside.body.errors[0].code).toBe('INTERNET_ACCESS_DISABLED');
  });

  it('lets an account with internet access in from anywhere', async () => {
    expect((await district.request('GET', '/api/auth/me', undefined, from('8.8.8.8'))).status).toBe(200);
  });

  it('records the client address from the trusted proxy in the audit log', async () => {
    const audit = await district.get('/api/audit?action=account.update&pageSize=1');
    expect(audit.body.items[0]).toMatchObject({ action: 'account.update', ip: '88.7.1.2' });
  });
});

describe.each(testDatabases())('access channels without a trusted proxy (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase, network([]));

  it('ignores a forged X-Forwarded-For: the peer address decides', async () => {
    const admin = ctx.engine.client();
    await admin.firstLogin('jawjj0001');
    const [account] = (await admin.get('/api/accounts?scope=below&q=jarmyy001')).body.items;
    await admin.put(`/api/accounts/${account.id}`, { internetAccess: false });
    const forged = await ctx.engine.client().request('POST', '/api/auth/login', { username: 'jarmyy001', password: 'Zjrj@-2007' },
      from('88.7.1.1'));
    expect(forged.status).toBe(403);
    expect(forged.body.errors[0].code).toBe('INTERNET_ACCESS_DISABLED');
  });
});
