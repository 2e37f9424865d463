import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHILD_ENGINE_TEST_TIMEOUT, spawnChildEngine, testDatabases, type TestDatabase } from '../../testing/index.js';

const script = path.join(import.meta.dirname, 'shutdownChild.ts');

interface Answer { status: number; connection?: string; body: string }

/** A request on a keep-alive agent (as nginx's upstream pool would hold it). */
function request(port: number, method: string, urlPath: string, agent: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http.request({ host: '127.0.0.1', port, method, path: urlPath, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    }).on('error', reject).end();
  });
}

/** Resolves when a TCP connection is accepted, rejects (e.g. ECONNREFUSED) when not. */
function connect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => { socket.destroy(); resolve(); });
    socket.on('error', reject);
  });
}

type Run = Awaited<ReturnType<typeof startWithSlowRequest>>;

/** A child engine with a slow request in flight and an idle keep-alive connection beside it. */
async function startWithSlowRequest(database: TestDatabase, dataDir: string, timeoutMs: number) {
  const child = spawnChildEngine(script, [JSON.stringify(database.config), dataDir, String(timeoutMs)]);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const port = Number((await child.line(/^LISTENING (\d+)$/))[1]);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  expect((await request(port, 'GET', '/api/health', agent)).status).toBe(200);
  const slow = request(port, 'POST', '/__test/slow', agent);
  slow.catch(() => {}); // some tests expect it to fail; they await it themselves
  await child.line(/^SLOW STARTED$/);
  return { child, exited, port, agent, slow };
}

/** Runs `test` against such a child on a fresh database, and disposes of everything afterwards. */
async function withSlowRequest(makeDatabase: () => Promise<TestDatabase>, timeoutMs: number, test: (run: Run) => Promise<void>): Promise<void> {
  const database = await makeDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-shutdown-'));
  let run: Run | undefined;
  try {
    run = await startWithSlowRequest(database, dataDir, timeoutMs);
    await test(run);
  } finally {
    run?.agent.destroy();
    await run?.child.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await database.dispose();
  }
}

describe.each(testDatabases())('graceful shutdown (%s)', (_name, makeDatabase) => {
  it('on SIGTERM refuses new connections, finishes the request in flight with 200, and exits 0', async () => {
    await withSlowRequest(makeDatabase, 60_000, async (run) => {
      run.child.child.kill('SIGTERM');
      await run.child.line(/draining: no new connections/);
      await expect(connect(run.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      run.child.child.kill('SIGUSR2'); // the slow request may now finish
      expect(await run.slow).toEqual({ status: 200, connection: 'close', body: '{"slow":"done"}' });
      // The idle keep-alive connection (its timeout is 10 minutes here) did not hold the process open.
      expect(await run.exited).toEqual({ code: 0, signal: null });
      await run.child.line(/"msg":"shutdown complete"/);
    });
  }, CHILD_ENGINE_TEST_TIMEOUT);
});

describe.each(testDatabases().slice(0, 1))('shutdown limits (%s)', (_name, makeDatabase) => {
  it('cuts a request still running after SHUTDOWN_TIMEOUT_MS, then still closes cleanly with 0', async () => {
    await withSlowRequest(makeDatabase, 300, async (run) => {
      run.child.child.kill('SIGTERM');
      await expect(run.slow).rejects.toMatchObject({ code: 'ECONNRESET' });
      expect(await run.exited).toEqual({ code: 0, signal: null });
      await run.child.line(/"cut":1,.*"msg":"shutdown timeout: cutting the connections still open/);
    });
  }, CHILD_ENGINE_TEST_TIMEOUT);

  it('exits at once, with 1, on a second signal', async () => {
    await withSlowRequest(makeDatabase, 60_000, async (run) => {
      run.child.child.kill('SIGTERM');
      await run.child.line(/draining: no new connections/);
      run.child.child.kill('SIGINT');
      expect(await run.exited).toEqual({ code: 1, signal: null });
      await expect(run.slow).rejects.toThrow();
      await run.child.line(/"msg":"second signal: exiting at once"/);
    });
  }, CHILD_ENGINE_TEST_TIMEOUT);
});
