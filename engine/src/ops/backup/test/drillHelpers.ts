import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../../config/index.js';
import { freshPostgresDatabase } from '../../../testing/index.js';
import { openDatabase } from '../../../db/index.js';
import type { TestDatabase } from '../../../testing/index.js';

const engineDir = path.resolve(import.meta.dirname, '../../../..');

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** An empty database to restore into, of the same kind as the source (PostgreSQL: a new database, same schema name). */
export async function freshTarget(source: TestDatabase): Promise<{ config: DatabaseConfig; dispose(): Promise<void> }> {
  if (source.config.client === 'sqlite') {
    const dir = tempDir('restore-db-');
    return { config: { client: 'sqlite', filename: path.join(dir, 'engine.sqlite') },
      dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const { url, drop } = await freshPostgresDatabase(source.config.url);
  const { searchPath } = source.config;
  return { config: { client: 'postgres', url, ...(searchPath ? { searchPath } : {}) }, dispose: drop };
}

/** The engine's own tables of a manifest (PostgreSQL: those of its schema, not the job queue's, which pg-boss keeps busy). */
export function engineTables(tables: Record<string, number>, config: DatabaseConfig): string[] {
  const schema = config.client === 'postgres' ? config.searchPath ?? 'public' : undefined;
  return Object.keys(tables).filter((table) => !schema || table.startsWith(`${schema}.`));
}

/** A path the restore rewrites on purpose (`jobs.report_file` follows the new data directory): compared by file name. */
const normalise = (column: string, value: unknown): unknown => {
  if (column === 'report_file' && typeof value === 'string') return path.basename(value);
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  return value;
};

/**
 * SHA-256 per table over its rows, each as canonical JSON (sorted keys, normalised values), the
 * rows sorted: the same for two databases exactly when they hold the same rows.
 */
export async function tableDigests(config: DatabaseConfig, tables: string[]): Promise<Record<string, string>> {
  const db = openDatabase(config);
  try {
    const digests: Record<string, string> = {};
    for (const table of tables) {
      const rows = await db.knex.from(table).select('*') as Array<Record<string, unknown>>;
      const lines = rows.map((row) => JSON.stringify(Object.keys(row).sort().map((column) => [column, normalise(column, row[column])])));
      digests[table] = sha256(Buffer.from(lines.sort().join('\n')));
    }
    return digests;
  } finally {
    await db.destroy();
  }
}

/** The environment a CLI child reads its target from, as an operator would set it. */
export function cliEnv(config: DatabaseConfig, dataDir: string): NodeJS.ProcessEnv {
  const url = config.client === 'sqlite' ? `sqlite:${config.filename}` : config.url;
  return { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, INIT_CWD: engineDir };
}

export const schemaArgs = (config: DatabaseConfig) => (config.client === 'postgres' && config.searchPath ? ['--schema', config.searchPath] : []);

/** Runs `npx tsx scripts/<script>.ts …` from the engine folder; resolves with its exit code and output (never rejects). */
export function runCli(script: 'backup' | 'restore', args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile('npx', ['tsx', `scripts/${script}.ts`, ...args], { cwd: engineDir, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
