import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './ApiError';
import { RuntimeApi } from './RuntimeApi';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** A fake of the browser's fetch: records each request and answers from a queue. */
function fakeFetch(responses: Array<{ status: number; body?: unknown }>) {
  const calls: Call[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    calls.push({
      url,
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const next = responses.shift() ?? { status: 200, body: {} };
    const text = next.body === undefined ? '' : JSON.stringify(next.body);
    return new Response(next.status === 204 ? null : text, { status: next.status });
  };
  return { fetch, calls };
}

const session = {
  user: { id: 'u1', username: 'jarmyy001', nickname: '江岸区人民医院', orgId: 'o1', roles: [], permissions: [], realNameStatus: 'approved' },
  mustChangePassword: true,
  csrfToken: 'token-1',
};

describe('RuntimeApi CSRF handling', () => {
  it('given a login, when a record is created, then the token from login is sent and GETs carry none', async () => {
    const { fetch, calls } = fakeFetch([{ status: 200, body: session }, { status: 200, body: { items: [] } },
      { status: 201, body: { id: 'r1', version: 1, data: {} } }]);
    const api = new RuntimeApi({ fetch });

    await api.login('jarmyy001', 'Zjrj@-2007');
    await api.menu();
    await api.create('person', { name: '张三' });

    expect(calls[0]!.headers['X-CSRF-Token']).toBeUndefined();
    expect(calls[1]!.headers['X-CSRF-Token']).toBeUndefined();
    expect(calls[2]).toMatchObject({ url: '/api/data/person', method: 'POST', body: { data: { name: '张三' } } });
    expect(calls[2]!.headers['X-CSRF-Token']).toBe('token-1');
  });

  it('given a restored session, when a record is updated and deleted, then both carry the token of /me', async () => {
    const { fetch, calls } = fakeFetch([{ status: 200, body: { ...session, csrfToken: 'from-me' } },
      { status: 200, body: { id: 'r1', version: 2, data: {} } }, { status: 204 }]);
    const api = new RuntimeApi({ fetch });

    await api.me();
    await api.update('person', 'r1', 1, { name: '李四' });
    await api.remove('person', 'r1');

    expect(calls[1]).toMatchObject({ method: 'PUT', body: { version: 1, data: { name: '李四' } } });
    expect(calls[1]!.headers['X-CSRF-Token']).toBe('from-me');
    expect(calls[2]!.method).toBe('DELETE');
    expect(calls[2]!.headers['X-CSRF-Token']).toBe('from-me');
  });

  it('given a logout, when another change is sent, then the old token is no longer sent', async () => {
    const { fetch, calls } = fakeFetch([{ status: 200, body: session }, { status: 200, body: { ok: true } }, { status: 401 }]);
    const api = new RuntimeApi({ fetch });
    await api.login('jarmyy001', 'x');
    await api.logout();
    await expect(api.create('person', {})).rejects.toBeInstanceOf(ApiError);
    expect(calls[1]!.headers['X-CSRF-Token']).toBe('token-1');
    expect(calls[2]!.headers['X-CSRF-Token']).toBeUndefined();
  });
});

describe('RuntimeApi errors', () => {
  it('given a 422 body, when the call fails, then an ApiError carries status, codes, messages and paths', async () => {
    const errors = [{ code: 'required', message: '请填写「性别」。', path: '/sex' }];
    const { fetch } = fakeFetch([{ status: 422, body: { errors } }]);
    const onError = vi.fn();
    const api = new RuntimeApi({ fetch, onError });

    const error = await api.create('person', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'required', errors, message: '请填写「性别」。' });
    expect(onError).toHaveBeenCalledWith(error, '/api/data/person');
  });

  it('given a body that is not the error format, when the call fails, then a Chinese message for the status is used', async () => {
    const { fetch } = fakeFetch([{ status: 502, body: 'Bad Gateway' }]);
    const error = await new RuntimeApi({ fetch }).menu().catch((e: unknown) => e) as ApiError;
    expect(error.status).toBe(502);
    expect(error.message).toBe('服务器出现错误，请稍后重试或联系管理员。');
  });

  it('given no network, when a call is made, then an ApiError with status 0 says so in Chinese', async () => {
    const api = new RuntimeApi({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    const error = await api.menu().catch((e: unknown) => e) as ApiError;
    expect(error.status).toBe(0);
    expect(error.message).toContain('无法连接服务器');
  });

  it('given list filters and paging, when listing, then they become query parameters (empty ones left out)', async () => {
    const { fetch, calls } = fakeFetch([{ status: 200, body: { items: [], total: 0 } }]);
    await new RuntimeApi({ fetch }).list('person', { page: 2, pageSize: 20, q: '', filters: { employmentStatus: '1' } });
    expect(calls[0]!.url).toBe('/api/data/person?employmentStatus=1&page=2&pageSize=20');
  });
});
