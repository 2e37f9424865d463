import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { testDatabases, useTestEngine } from '../../testing/index.js';

interface RawResponse { status: number; headers: string; body: any }

/** Sends `text` over a fresh TCP connection (maybe an unfinished request) and reads until the server closes it. */
function exchange(baseUrl: string, text: string): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(new URL(baseUrl).port), '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => { data += chunk; });
    socket.on('error', () => {}); // a reset after the answer: 'close' follows
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body: body ? JSON.parse(body) : undefined });
    });
  });
}

describe.each(testDatabases())('request size and time limits (%s)', (_name, makeDatabase) => {
  // No TRUSTED_PROXIES: X-Forwarded-Proto from anyone is ignored.
  const ctx = useTestEngine(makeDatabase, {
    http: { ...loadConfig({}).http, headersTimeoutMs: 400, requestTimeoutMs: 800, maxHeaderBytes: 4096 },
  });

  it('answers headers that never end (slowloris) with 408 in Chinese and closes the connection', async () => {
    const response = await exchange(ctx.engine.baseUrl, 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1\r\n');
    expect(response.status).toBe(408);
    expect(response.body.errors).toEqual([{ code: 'REQUEST_TIMEOUT', message: expect.stringMatching(/请求发送超时.*请检查网络后重试/) }]);
    expect(response.headers).toContain('x-content-type-options: nosniff');
    expect(response.headers).toContain('connection: close');
  });

  it('answers a body that never completes with 408, and keeps serving', async () => {
    const response = await exchange(ctx.engine.baseUrl, 'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\n'
      + 'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"username":"jarmyy001"');
    expect(response.status).toBe(408);
    expect(response.body.errors[0].code).toBe('REQUEST_TIMEOUT');
    const health = await fetch(`${ctx.engine.baseUrl}/api/health`);
    expect(health.status).toBe(200);
  });

  it('refuses a request line plus headers over HTTP_MAX_HEADER_BYTES with 431 in Chinese', async () => {
    const long = await exchange(ctx.engine.baseUrl, `GET /api/health?q=${'a'.repeat(5000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(long.status).toBe(431);
    expect(long.body.errors).toEqual([{ code: 'HEADERS_TOO_LARGE', message: expect.stringMatching(/请求头过大.*请缩短网址/) }]);
    expect(long.headers).toContain("frame-ancestors 'none'");
    const fits = await exchange(ctx.engine.baseUrl, `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Pad: ${'a'.repeat(3000)}\r\nConnection: close\r\n\r\n`);
    expect(fits.status).toBe(200);
  });

  it('sends no HSTS for X-Forwarded-Proto from a client that is not a trusted proxy', async () => {
    const response = await fetch(`${ctx.engine.baseUrl}/api/health`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('request limit settings', () => {
  it('refuses a headers timeout longer than the request timeout, naming the setting', () => {
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '1000' }))
      .toThrow(/HTTP_HEADERS_TIMEOUT_MS: \(5000\) must not exceed HTTP_REQUEST_TIMEOUT_MS \(1000\)/);
    expect(() => loadConfig({ HTTP_MAX_HEADER_BYTES: '100' })).toThrow(/HTTP_MAX_HEADER_BYTES: must be a whole number of at least 1024/);
    expect(loadConfig({ THROTTLE_LOGIN_PER_ADDRESS: '0' }).throttle.login).toEqual({ perAddress: 0, perAccount: 0, windowSeconds: 300 });
  });
});
