import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

/** A built web app as koa-static serves it. */
const webApp = fs.mkdtempSync(path.join(os.tmpdir(), 'web-app-'));
fs.writeFileSync(path.join(webApp, 'index.html'), '<!doctype html><title>t</title><script src="/app.js"></script>');
fs.writeFileSync(path.join(webApp, 'app.js'), 'console.log(1);');
afterAll(() => fs.rmSync(webApp, { recursive: true, force: true }));

const APP_POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; "
  + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** Every response's headers; a download may narrow the CSP further (no scripts at all), never widen it. */
function expectSecurityHeaders(headers: Headers, policy: string | RegExp = APP_POLICY): void {
  if (typeof policy === 'string') expect(headers.get('content-security-policy')).toBe(policy);
  else expect(headers.get('content-security-policy')).toMatch(policy);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('same-origin');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
  expect(headers.get('permissions-policy')).toMatch(/camera=\(\), microphone=\(\), geolocation=\(self\)/);
  expect(headers.get('x-powered-by')).toBeNull();
  expect(headers.get('server')).toBeNull();
}

describe.each(testDatabases())('security headers (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase, {
    staticDirs: { runtimeUi: webApp },
    http: { ...loadConfig({}).http, jsonLimitBytes: 2000 },
    network: { privateNetworks: ['127.0.0.0/8'], trustedProxies: ['127.0.0.1'] },
  });
  let client: HttpClient;

  beforeAll(async () => {
    client = ctx.engine.client();
    await client.firstLogin('jarmyy001');
  });

  it('are on API answers, web app files and downloads', async () => {
    const api = await client.get('/api/auth/me');
    expect(api.status).toBe(200);
    expectSecurityHeaders(api.headers);
    expect(api.headers.get('cache-control')).toBe('no-store');
    for (const file of ['/', '/app.js', '/some/client/route']) {
      const response = await fetch(`${ctx.engine.baseUrl}${file}`);
      expect(response.status).toBe(200);
      expectSecurityHeaders(response.headers);
    }
    const download = await client.download('/api/imports/person/template');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    expectSecurityHeaders(download.headers, /^default-src 'none';.*frame-ancestors 'none'/);
  });

  it('are on errors, including those refused before any route (CSRF origin, oversized JSON)', async () => {
    const anonymous = ctx.engine.client();
    const cases = [
      [await anonymous.get('/api/auth/me'), 401],
      [await client.get('/api/no-such-endpoint'), 404],
      [await anonymous.request('POST', '/api/auth/login', { username: 'a', password: 'b' }, { Origin: 'https://evil.example' }), 403],
      [await anonymous.post('/api/auth/login', { username: 'x'.repeat(3000), password: 'b' }), 413],
    ] as const;
    for (const [response, status] of cases) {
      expect(response.status).toBe(status);
      expectSecurityHeaders(response.headers);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect(cases[3][0].body.errors).toEqual([{ code: 'TOO_LARGE', message: '提交的内容过大，请减少内容后重试。' }]);
  });

  it('add HSTS only when a trusted proxy says the request came over HTTPS', async () => {
    const over = (proto?: string) => fetch(`${ctx.engine.baseUrl}/api/health`, { headers: proto ? { 'X-Forwarded-Proto': proto } : {} });
    expect((await over('https')).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await over('http')).headers.get('strict-transport-security')).toBeNull();
    expect((await over()).headers.get('strict-transport-security')).toBeNull();
  });
});
