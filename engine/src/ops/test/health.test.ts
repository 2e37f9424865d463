import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestEngine } from '../../testing/index.js';

/** A GET over a fresh connection (node:http, so hop-by-hop headers such as Connection are visible). */
function get(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }> {
  return new Promise((resolve, reject) => {
    http.get(`${baseUrl}${path}`, { headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }));
    }).on('error', reject);
  });
}

const requestLines = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.msg === 'request');

describe.each(testDatabases())('health and request logs (%s)', (_name, makeDatabase) => {
  // The test client is both the proxy (127.0.0.1, trusted) and, without X-Forwarded-For, a private-network client.
  const ctx = useTestEngine(makeDatabase, { network: { privateNetworks: ['127.0.0.0/8', '10.0.0.0/8'], trustedProxies: ['127.0.0.1'] } });

  it('answers GET /api/health with exactly {"status":"ok"}', async () => {
    const response = await get(ctx.engine.baseUrl, '/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('gives operators on the private network the readiness details, and nobody else', async () => {
    const ready = await get(ctx.engine.baseUrl, '/api/health/ready', { 'X-Forwarded-For': '10.1.2.3' });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', draining: false, inFlight: 1,
      checks: { database: { ok: true }, jobs: { ok: true, queued: 0, running: 0 },
        jobQueue: { ok: true, delivery: ctx.engine.engine.config.database.client === 'postgres' ? 'pg-boss' : 'table' } } });
    expect(ready.body.checks.database.ms).toBeGreaterThanOrEqual(0);
    expect(Object.keys(ready.body).sort()).toEqual(['checks', 'draining', 'inFlight', 'status', 'uptimeSeconds']);
    const outside = await get(ctx.engine.baseUrl, '/api/health/ready', { 'X-Forwarded-For': '203.0.113.7' });
    expect(outside.status).toBe(404);
    expect(outside.body.errors[0].code).toBe('NOT_FOUND');
  });

  it('logs one line per request: id (the proxy\'s when well-formed), route, status, time, account id and resolved client address', async () => {
    const client = ctx.engine.client();
    await client.firstLogin('jarmyy001');
    const account = await ctx.engine.engine.db.knex('accounts').where('username', 'jarmyy001').first('id') as { id: string };
    client.defaultHeaders = { 'X-Forwarded-For': '198.51.100.23, 10.9.8.7', 'X-Request-Id': 'nginx-5f2c9a0e41b7' };
    const me = await client.get('/api/auth/me');
    expect(me.headers.get('x-request-id')).toBe('nginx-5f2c9a0e41b7');
    client.defaultHeaders = { 'X-Request-Id': 'bad id; injected' };
    const other = await client.get('/api/data/person/110101197001011234');
    const generated = other.headers.get('x-request-id')!;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);

    const lines = requestLines(ctx.engine.logLines);
    const meLine = lines.find((l) => l.requestId === 'nginx-5f2c9a0e41b7')!;
    expect(meLine).toEqual({ level: 30, time: expect.any(Number), msg: 'request', requestId: 'nginx-5f2c9a0e41b7', method: 'GET',
      route: '/api/auth/me', path: '/api/auth/me', status: 200, ms: expect.any(Number), account: account.id, remoteAddress: '10.9.8.7' });
    const otherLine = lines.find((l) => l.requestId === generated)!;
    expect(otherLine).toMatchObject({ remoteAddress: '127.0.0.1', account: account.id, path: '/api/data/person/[number]' });
    expect(ctx.engine.logLines.join('\n')).not.toMatch(/jarmyy001|110101197001011234|bad id/);
  });

  it('answers 503 to the health check once the process drains, and closes each connection after its answer', async () => {
    ctx.engine.engine.lifecycle.drain();
    const health = await get(ctx.engine.baseUrl, '/api/health', { Connection: 'keep-alive' });
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'error', errors: [{ code: 'SHUTTING_DOWN', message: '服务正在停止，请稍后重试。' }] });
    expect(health.headers.connection).toBe('close');
    const ready = await get(ctx.engine.baseUrl, '/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'draining', draining: true, checks: { database: { ok: true } } });
  });
});
