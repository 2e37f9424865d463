import { afterAll, beforeAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createEngine, type Engine } from '../app/index.js';
import { ManualClock } from '../clock/index.js';
import { loadConfig, type EngineConfig } from '../config/index.js';
import { createLogger } from '../log/index.js';
import type { TestDatabase } from './databases.js';
import { HttpClient } from './HttpClient.js';
import { TEST_KEY_ENV } from './testKeys.js';

export interface TestEngine {
  engine: Engine;
  baseUrl: string;
  clock: ManualClock;
  /** Every log line the engine wrote, for assertions about what is (not) logged. */
  logLines: string[];
  client(): HttpClient;
  close(): Promise<void>;
}

const UNTHROTTLED: EngineConfig['throttle'] = {
  login: { perAddress: 0, perAccount: 0, windowSeconds: 60 },
  expensive: { perAddress: 0, perAccount: 0, windowSeconds: 60 },
};

/** A real engine on a real database, listening on a free loopback port, with a manual clock. */
export async function startTestEngine(database: TestDatabase, overrides: Partial<EngineConfig> = {}): Promise<TestEngine> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-data-'));
  // Suites log in and export many times from 127.0.0.1 on a clock that hardly moves: no throttling unless a test sets it.
  const config: EngineConfig = { ...loadConfig({ DATA_DIR: dataDir, ...TEST_KEY_ENV }), database: database.config, staticDirs: {}, throttle: UNTHROTTLED, ...overrides };
  const logLines: string[] = [];
  const sink = new Writable({ write(chunk, _encoding, done) { logLines.push(String(chunk)); done(); } });
  const clock = new ManualClock(new Date());
  const engine = await createEngine(config, { clock, logger: createLogger('info', sink) });
  const server = await engine.listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    engine, baseUrl, clock, logLines,
    client: () => new HttpClient(baseUrl),
    close: async () => {
      await engine.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts one engine on a fresh database before the tests of a `describe` block and disposes of
 * both after them. The returned handle's `engine` is set once the block's tests run.
 */
export function useTestEngine(makeDatabase: () => Promise<TestDatabase>, overrides: Partial<EngineConfig> = {}): { engine: TestEngine } {
  const handle = {} as { engine: TestEngine };
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await makeDatabase();
    handle.engine = await startTestEngine(database, overrides);
  });
  afterAll(async () => {
    await handle.engine?.close();
    await database?.dispose();
  });
  return handle;
}
