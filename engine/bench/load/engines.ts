import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../src/testing/freePort.js';

const mainScript = path.resolve(import.meta.dirname, '../../src/main.ts');

/** One engine as production runs it: `src/main.ts` in its own Node process. */
export interface EngineProcess {
  pid: number;
  port: number;
  base: string;
  stop(): Promise<void>;
}

/** Resolves when GET /api/health answers 200; rejects when the process ends first. */
async function healthy(base: string, child: ChildProcess): Promise<void> {
  let exited: string | undefined;
  child.once('exit', (code, signal) => { exited = `exited (${code ?? signal})`; });
  for (;;) {
    if (exited) throw new Error(`load bench: engine on ${base} ${exited} before it answered /api/health; see its output above`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200)); // polling a condition (the port answering), not timing
  }
}

/**
 * Starts `src/main.ts` with the given environment on a free loopback port and waits until it
 * answers. Output goes to ours (LOG_LEVEL=warn by default: a request log line per request would
 * be the load generator's and the engine's main cost, not the engine's work).
 */
export async function startEngine(env: Record<string, string>): Promise<EngineProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', mainScript], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await healthy(base, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    pid: child.pid!, port, base,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
