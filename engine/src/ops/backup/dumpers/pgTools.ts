import { execFile, spawn, type ChildProcess } from 'node:child_process';
import type { Knex } from 'knex';
import { maskDigits } from '../../../log/index.js';
import { BackupError } from '../BackupError.js';

type Tool = 'pg_dump' | 'pg_restore' | 'psql';

/** The connection in PG* variables, so no password shows in the process list or in an error message. */
function pgEnv(connection: Knex.PgConnectionConfig): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: connection.host,
    PGPORT: String(connection.port ?? 5432),
    PGUSER: connection.user,
    PGDATABASE: connection.database,
    PGOPTIONS: '-c client_min_messages=warning',
  };
  if (connection.password) env.PGPASSWORD = String(connection.password);
  else delete env.PGPASSWORD;
  return env;
}

function toolError(tool: Tool, code: unknown, stderr: string, connection: Knex.PgConnectionConfig): BackupError {
  if (code === 'ENOENT') {
    return new BackupError(`${tool} was not found on PATH. Install the PostgreSQL client tools of the server's major version `
      + '(Debian: apt-get install postgresql-client-15) and run again.');
  }
  // Errors may quote rows (a duplicate key's value): digit runs such as ID numbers are masked.
  return new BackupError(`${tool} failed (exit ${String(code)}) on database ${connection.database} at `
    + `${connection.host}:${connection.port ?? 5432}:\n${maskDigits(stderr.trim()).slice(0, 2000)}`);
}

/** Runs a PostgreSQL client tool with an argument list (never a shell string). */
export function runPgTool(tool: Tool, args: string[], connection: Knex.PgConnectionConfig): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { env: pgEnv(connection), maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(toolError(tool, (error as NodeJS.ErrnoException).code, String(stderr), connection));
      else resolve();
    });
  });
}

/** Resolves when the child exits 0; rejects with its stderr otherwise. */
function finished(tool: Tool, child: ChildProcess, connection: Knex.PgConnectionConfig): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += String(chunk); });
  return new Promise((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => reject(toolError(tool, error.code, stderr, connection)));
    child.once('close', (code) => (code === 0 ? resolve() : reject(toolError(tool, code, stderr, connection))));
  });
}

/**
 * `pg_restore` turns the dump into SQL and psql runs `preamble` and that SQL in one transaction,
 * committed only once pg_restore has finished well and stopped at the first error: the target
 * changes completely or not at all. (pg_restore's own `--clean` cannot be used: it fails on
 * partitioned tables such as pg-boss's job table.)
 */
export async function restoreInOneTransaction(dumpPath: string, preamble: string, connection: Knex.PgConnectionConfig): Promise<void> {
  const env = pgEnv(connection);
  const restore = spawn('pg_restore', ['--no-owner', '--no-privileges', '--file=-', dumpPath], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const psql = spawn('psql', ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', '--file=-'], { env, stdio: ['pipe', 'ignore', 'pipe'] });
  const ran = finished('psql', psql, connection);
  ran.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled
  psql.stdin!.on('error', () => undefined); // psql stopped early: its exit status and stderr say why
  psql.stdin!.write(`BEGIN;\n${preamble}`);
  restore.stdout!.pipe(psql.stdin!, { end: false });
  try {
    await finished('pg_restore', restore, connection);
  } catch (error) {
    // psql failing first breaks pg_restore's pipe: then psql's error is the one that explains.
    if (psql.exitCode !== null && psql.exitCode !== 0) await ran;
    psql.kill('SIGKILL'); // the connection drops with its transaction open: the server rolls it back
    throw error;
  }
  psql.stdin!.end('COMMIT;\n');
  await ran;
}
