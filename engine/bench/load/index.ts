import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEngine, type EngineProcess } from './engines.js';
import { measure, type Generators, type LoadFigure } from './measure.js';
import { freshDatabase } from './postgres.js';
import { scenarioFactories, type Scenario } from './scenarios.js';
import { ACCOUNTS, prepareData, sessions, type DataSizes, type SessionHeaders } from './seed.js';

export type { Generators, LoadFigure } from './measure.js';
export type { Scenario } from './scenarios.js';
export type { SessionHeaders } from './seed.js';
export { printLoad } from './print.js';
export { loadOptionsFromEnv } from './options.js';

export interface LoadOptions extends DataSizes {
  /** Measured seconds per scenario, process count and round. */
  seconds: number;
  /** Unmeasured load before each measurement (connections opened, JIT and pools warm). */
  warmUpSeconds: number;
  /** Connections (virtual users) per scenario key, the same for one and two processes. */
  connections: Record<string, number>;
  /**
   * Rounds per scenario; odd rounds measure two processes first (1, 2, 2, 1 …), so that drifting
   * machine load and the write paths' growing tables weigh on both alike.
   */
  rounds: number;
  generators: Generators;
  /** Scenario keys to run (all when empty). */
  only: string[];
}

export interface ScenarioFigures { key: string; label: string; runs: LoadFigure[] }
export interface LoadReport { scenarios: ScenarioFigures[]; seedSeconds: number }

interface Setup { engines: EngineProcess[]; users: Record<string, SessionHeaders[]>; backendPids: () => Promise<number[]> }

/** The rounds of one scenario: a warm-up and a measurement per process count, the order alternating by round. */
async function runScenario(scenario: Scenario, setup: Setup, options: LoadOptions, progress: (line: string) => void): Promise<LoadFigure[]> {
  const runs: LoadFigure[] = [];
  const connections = options.connections[scenario.key] ?? 16;
  for (let round = 0; round < options.rounds; round += 1) {
    for (const count of round % 2 === 0 ? [1, 2] : [2, 1]) {
      const run = { engines: setup.engines.slice(0, count), sessions: setup.users[scenario.account]!, connections,
        backendPids: setup.backendPids };
      await measure(scenario, { ...run, seconds: options.warmUpSeconds }, options.generators);
      const figure = await measure(scenario, { ...run, seconds: options.seconds }, options.generators);
      runs.push(figure);
      const left = Number.isFinite(scenario.left()) ? `; prepared requests left: ${scenario.left()}` : '';
      progress(`${scenario.key}, round ${round + 1}, ${count} process(es): ${figure.requestsPerSecond.toFixed(0)} req/s, p99 ${figure.p99} ms${left}`);
    }
  }
  return runs;
}

/**
 * Issue 8 load figures: the engine as production runs it (`src/main.ts`, one or two processes on
 * one fresh PostgreSQL database), seeded through HTTP, then for each scenario a warm-up and a
 * bounded measurement against one process and against both, autocannon on loopback.
 */
export async function loadFigures(options: LoadOptions, progress: (line: string) => void): Promise<LoadReport> {
  const database = await freshDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-'));
  const env = { DATABASE_URL: database.url, DATA_DIR: dataDir, ...(process.env.JOB_QUEUE ? { JOB_QUEUE: process.env.JOB_QUEUE } : {}) };
  const engines: EngineProcess[] = [];
  try {
    engines.push(await startEngine(env)); // the first one migrates and loads the demo seed
    engines.push(await startEngine({ ...env, SEED_DEMO: 'false' }));
    const seedStart = performance.now();
    const data = await prepareData(engines[0]!.base, options);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    progress(`seeded through HTTP in ${seedSeconds.toFixed(0)} s: ${options.listPeople} people in A (${data.departments.length} departments),`
      + ` ${options.filings + options.transfers} in B, ${data.taskIds.length} open transfer tasks`);
    const most = Math.max(...Object.values(options.connections));
    const users: Record<string, SessionHeaders[]> = {};
    for (const account of Object.values(ACCOUNTS)) users[account] = await sessions(engines[0]!.base, account, most);
    const setup = { engines, users, backendPids: database.backendPids };
    const scenarios: ScenarioFigures[] = [];
    for (const scenario of scenarioFactories.map((factory) => factory(data))) {
      if (options.only.length > 0 && !options.only.includes(scenario.key)) continue;
      scenarios.push({ key: scenario.key, label: scenario.label, runs: await runScenario(scenario, setup, options, progress) });
    }
    return { scenarios, seedSeconds };
  } finally {
    for (const engine of engines) await engine.stop();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
