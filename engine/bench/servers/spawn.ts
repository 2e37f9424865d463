import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Starts a benchmark server in its own process (so it does not share a core with autocannon). */
export async function startServer(script: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script)],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += String(chunk);
      const match = /READY (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { port, child };
}

export async function stop(child: ChildProcess): Promise<void> {
  await new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); });
}

