import autocannon from 'autocannon';
import { cpuInterval, type CpuShare } from './cpu.js';
import type { EngineProcess } from './engines.js';
import type { Scenario } from './scenarios.js';
import type { SessionHeaders } from './seed.js';

export interface LoadFigure {
  processes: number;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Requests that found no prepared data left (the run was longer than the data; should be 0). */
  exhausted: number;
  cpu: CpuShare;
}

export interface LoadRun {
  engines: EngineProcess[];
  sessions: SessionHeaders[];
  connections: number;
  seconds: number;
  backendPids: () => Promise<number[]>;
}

/** Which load-generator layout spreads the connections over two processes' ports. */
export type Generators = 'one' | 'perPort';

/** Instances' results as one: counts summed; p50 weighted by requests; p99 the worst (percentiles do not merge exactly). */
function merged(results: autocannon.Result[]) {
  const total = results.reduce((s, r) => s + r.requests.total, 0);
  return {
    total, non2xx: results.reduce((s, r) => s + r.non2xx, 0), errors: results.reduce((s, r) => s + r.errors, 0),
    p50: Math.round(results.reduce((s, r) => s + r.latency.p50 * r.requests.total, 0) / Math.max(1, total)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
  };
}

/**
 * One bounded run of a scenario; each connection is one virtual user with its own session (its own
 * login). `one` generator: autocannon spreads the connections over the ports itself (connection
 * i → URL i mod n, one latency histogram); `perPort`: one autocannon instance per port, in parallel.
 */
export async function measure(scenario: Scenario, run: LoadRun, generators: Generators = 'one'): Promise<LoadFigure> {
  let client = 0;
  let exhausted = 0;
  const setupRequest = (request: autocannon.Request) => {
    const next = scenario.next();
    if (!next) {
      exhausted += 1;
      return { ...request, method: 'GET' as const, path: '/api/health', body: undefined };
    }
    return { ...request, method: next.method, path: next.path, body: next.body };
  };
  const load = (urls: string[], connections: number) => autocannon({
    // Several URLs are supported by autocannon (connections round-robin over them); its types say string.
    url: urls as unknown as string, connections, duration: run.seconds,
    setupClient: (c: autocannon.Client) => {
      const headers = { 'content-type': 'application/json', ...run.sessions[client++ % run.sessions.length]! };
      c.setRequests([{ method: 'GET', path: '/', headers, setupRequest }]);
    },
  });
  const urls = run.engines.map((e) => e.base);
  const cpu = await cpuInterval(run.engines.map((e) => e.pid), run.backendPids);
  const result = merged(generators === 'one' ? [await load(urls, run.connections)]
    : await Promise.all(urls.map((url) => load([url], run.connections / urls.length))));
  const share = await cpu.end();
  return {
    processes: run.engines.length, connections: run.connections, seconds: run.seconds,
    requests: result.total, requestsPerSecond: result.total / run.seconds,
    p50: result.p50, p99: result.p99, non2xx: result.non2xx, errors: result.errors, exhausted, cpu: share,
  };
}
