import autocannon from 'autocannon';
import { HttpClient } from '../src/testing/HttpClient.js';
import { benchPerson } from './people.js';
import { startServer, stop } from './servers/spawn.js';

export interface HttpFigure { label: string; requestsPerSecond: number; p50: number; p99: number; non2xx: number; errors: number }

async function load(label: string, base: string, path: string, headers: Record<string, string>, departmentId: string,
  seconds: number, offset: number): Promise<HttpFigure> {
  let n = offset;
  const result = await autocannon({
    url: base, connections: 50, duration: seconds,
    requests: [{ method: 'POST', path, headers: { 'content-type': 'application/json', ...headers },
      setupRequest: (request) => ({ ...request, body: JSON.stringify({ data: benchPerson(n++, departmentId) }) }) }],
  });
  return { label, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99,
    non2xx: result.non2xx, errors: result.errors };
}

interface Round { requestsPerSecond: number; p50: number; p99: number; non2xx: number; errors: number }

function summarise(label: string, rounds: Round[]): HttpFigure {
  const mean = (pick: (r: Round) => number) => rounds.reduce((sum, r) => sum + pick(r), 0) / rounds.length;
  return { label, requestsPerSecond: mean((r) => r.requestsPerSecond), p50: mean((r) => r.p50), p99: mean((r) => r.p99),
    non2xx: rounds.reduce((s, r) => s + r.non2xx, 0), errors: rounds.reduce((s, r) => s + r.errors, 0) };
}

/**
 * (b) POST creates at 50 connections: the engine (session, CSRF, validation, keys, refs, audit) vs a
 * bare Koa handler. Both servers run side by side and are loaded in alternating rounds.
 */
export async function httpCreates(seconds: number, rounds = 3): Promise<{ engine: HttpFigure; bare: HttpFigure }> {
  const [engineServer, bareServer] = [await startServer('engineServer.ts'), await startServer('bareServer.ts')];
  try {
    const client = new HttpClient(`http://127.0.0.1:${engineServer.port}`);
    await client.firstLogin('jarmyy001');
    const department = (await client.get('/api/data/department?pageSize=1')).body.items[0].id as string;
    const engineHeaders = { cookie: client.cookieHeader(), 'x-csrf-token': client.csrfToken! };
    const results: { engine: Round[]; bare: Round[] } = { engine: [], bare: [] };
    const loadEngine = async () => results.engine.push(await load('', `http://127.0.0.1:${engineServer.port}`, '/api/data/person',
      engineHeaders, department, seconds, results.engine.length * 1_000_000));
    const loadBare = async () => results.bare.push(await load('', `http://127.0.0.1:${bareServer.port}`, '/api/data/person',
      {}, department, seconds, results.bare.length * 1_000_000));
    for (let r = 0; r < rounds; r += 1) {
      if (r % 2 === 0) { await loadEngine(); await loadBare(); } else { await loadBare(); await loadEngine(); }
    }
    return { engine: summarise('engine POST /api/data/person', results.engine),
      bare: summarise('bare Koa: parse + same ajv validation + one prepared INSERT', results.bare) };
  } finally {
    await stop(bareServer.child);
    await stop(engineServer.child);
  }
}
