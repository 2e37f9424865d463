import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { TEST_KEY_ENV } from './testKeys.js';

const engineDir = path.resolve(import.meta.dirname, '../..');

/** For a test that starts an engine twice, once as a fresh child process: generous on a loaded 2-core machine. */
export const CHILD_ENGINE_TEST_TIMEOUT = 90_000;

/** A test entry running in its own Node process, for tests that kill an engine with SIGKILL. */
export interface ChildEngine {
  child: ChildProcess;
  /**
   * The first stdout line (already printed or still to come) that matches; rejects with the
   * child's stderr when it exits before printing one. Waits on the child's output, never on time.
   */
  line(pattern: RegExp): Promise<RegExpExecArray>;
  /** SIGKILL (no shutdown code runs, open transactions stay uncommitted); resolves with the signal it ended by. */
  kill(): Promise<NodeJS.Signals | null>;
}

/** Runs `node --import tsx <script> <args…>` from the engine folder with NODE_ENV=test, the test data keys (and `env` added). */
export function spawnChildEngine(script: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildEngine {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args],
    { cwd: engineDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test', ...TEST_KEY_ENV, ...env } });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += String(chunk); });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const wake of waiters) wake();
  });
  let closed = false;
  // 'close' (not 'exit'): every line the child printed has been read by then.
  const ended = new Promise<NodeJS.Signals | null>((resolve) => {
    child.once('close', (_code, signal) => {
      closed = true;
      resolve(signal);
      for (const wake of waiters) wake();
    });
  });

  const line = (pattern: RegExp) => new Promise<RegExpExecArray>((resolve, reject) => {
    const check = () => {
      for (const text of lines) {
        const match = pattern.exec(text);
        if (match) { waiters.delete(check); resolve(match); return; }
      }
      if (closed) {
        waiters.delete(check);
        const how = child.exitCode ?? child.signalCode;
        reject(new Error(`child ${path.basename(script)} ended (${how}) before printing ${pattern}:\n${stderr}`));
      }
    };
    waiters.add(check);
    check();
  });

  const kill = async () => {
    if (!closed) child.kill('SIGKILL');
    return ended;
  };
  return { child, line, kill };
}
