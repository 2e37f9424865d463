import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, HttpClient, spawnChildEngine, type ChildEngine } from '../../testing/index.js';

/** One engine as an operator starts it (`src/main.ts`), in its own process, on a port of its own. */
export interface EngineProcess {
  child: ChildEngine;
  port: number;
  pid: number;
  client(): HttpClient;
}

/** Starts `src/main.ts` with `env` and resolves once it accepts requests (its health answers 200). */
export async function startEngineProcess(env: NodeJS.ProcessEnv): Promise<EngineProcess> {
  const port = await freePort();
  const child = spawnChildEngine('src/main.ts', [], { LOG_LEVEL: 'info', ...env, PORT: String(port) });
  await child.line(/engine listening/);
  return { child, port, pid: child.child.pid!, client: () => new HttpClient(`http://127.0.0.1:${port}`) };
}

/** A data folder shared by the engines (uploaded import files and reports live there: see docs/deployment.md). */
export function sharedDataDir(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
