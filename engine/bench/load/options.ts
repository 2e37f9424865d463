import type { LoadOptions } from './index.js';

/** Connections per scenario: chosen for p99 < 200 ms on the project's 2-core machine. */
const CONNECTIONS: Record<string, number> = { list: 16, probation: 16, task: 12 };

/**
 * The load section's settings from the environment (docs/benchmarks.md lists them). Writes are
 * prepared for ~900 probation saves/s and ~320 completions/s (this machine, quiet), per process
 * count, round and second; a figure says when its prepared data ran out.
 */
export function loadOptionsFromEnv(env: NodeJS.ProcessEnv): LoadOptions {
  const number = (name: string, fallback: number) => Number(env[name] ?? fallback);
  const [seconds, rounds, warmUpSeconds] = [number('BENCH_LOAD_SECONDS', 10), number('BENCH_LOAD_ROUNDS', 2), 3];
  const requests = (perSecond: number) => Math.ceil(perSecond * 2 * rounds * (seconds + warmUpSeconds));
  const everyScenario = env.BENCH_LOAD_CONNECTIONS;
  return {
    seconds, rounds, warmUpSeconds,
    connections: everyScenario ? Object.fromEntries(Object.keys(CONNECTIONS).map((key) => [key, Number(everyScenario)])) : CONNECTIONS,
    only: (env.BENCH_LOAD_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    generators: env.BENCH_LOAD_GENERATORS === 'perPort' ? 'perPort' : 'one',
    listPeople: number('BENCH_LOAD_PEOPLE', 4000),
    filings: number('BENCH_LOAD_FILINGS', requests(900)),
    transfers: number('BENCH_LOAD_TASKS', requests(320)),
  };
}
