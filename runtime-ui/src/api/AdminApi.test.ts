import { describe, expect, it } from 'vitest';
import { RuntimeApi } from './RuntimeApi';

/** A fake fetch answering 200 with `body` and recording what was asked. */
function recording(body: unknown = {}) {
  const calls: Array<{ url: string; method: string; body?: unknown; csrf?: string }> = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ url, method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      csrf: headers['X-CSRF-Token'] });
    return new Response(JSON.stringify(body), { status: 200 });
  };
  return { fetch, calls };
}

describe('AdminApi', () => {
  it('lists accounts of the organisations below with a search and paging', async () => {
    const { fetch, calls } = recording({ items: [], total: 0 });
    await new RuntimeApi({ fetch }).admin.accounts({ scope: 'below', q: '人事', page: 2, pageSize: 20 });
    expect(calls[0]!.url).toBe(`/api/accounts?scope=below&q=${encodeURIComponent('人事')}&page=2&pageSize=20`);
  });

  it('resets a password to the default with an empty body, carrying the CSRF token', async () => {
    const { fetch, calls } = recording({ csrfToken: 't1', user: {}, mustChangePassword: false });
    const api = new RuntimeApi({ fetch });
    await api.me();
    await api.admin.resetPassword('a/1');
    expect(calls[1]).toEqual({ url: '/api/accounts/a%2F1/reset-password', method: 'POST', body: {}, csrf: 't1' });
  });

  it('unwraps the items of roles and permissions, and reads the password policy', async () => {
    const { fetch, calls } = recording({ items: [{ key: 'hr', title: '机构人力资源', children: [] }] });
    const api = new RuntimeApi({ fetch });
    expect(await api.admin.permissions()).toEqual([{ key: 'hr', title: '机构人力资源', children: [] }]);
    await api.passwordPolicy();
    await api.admin.audit({ action: 'account', from: '2026-11-24T16:00:00.000Z' });
    expect(calls.map((c) => c.url)).toEqual(['/api/permissions', '/api/auth/password-policy',
      '/api/audit?action=account&from=2026-11-24T16%3A00%3A00.000Z']);
  });
});
