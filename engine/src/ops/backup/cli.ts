import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type DatabaseConfig } from '../../config/index.js';
import { createFileStorage, type FileStorage } from '../../files/index.js';
import { maskDigits } from '../../log/index.js';
import { BackupError } from './BackupError.js';
import { createBackup, type BackupConfig } from './createBackup.js';
import { restoreBackup } from './restoreBackup.js';

/** Where the CLIs write; a test passes its own. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
}

const processIo: CliIo = { env: process.env, out: (line) => console.log(line), err: (line) => console.error(line) };

/** Exit statuses, for cron jobs and scripts. */
const EXIT = { ok: 0, failed: 1, usage: 2, incomplete: 3 } as const;

const BACKUP_USAGE = `Usage: npm run backup -- [directory] [--schema <name>]
  directory   where to write (must be new or empty); default: $BACKUP_DIR/<timestamp>, BACKUP_DIR defaulting to ./backups
  --schema    PostgreSQL: back up only this schema and its job-queue schema <name>_jobs (default: the whole database)
Reads DATABASE_URL and DATA_DIR like the engine. The engine may keep running.`;

const RESTORE_USAGE = `Usage: npm run restore -- <directory> [--force] [--schema <name>]
  directory   a backup written by npm run backup
  --force     replace a database that already has tables
  --schema    PostgreSQL: the schema a --schema backup was taken from
Restores into DATABASE_URL and DATA_DIR. Stop every engine using them first.`;

/** npm runs workspace scripts in the workspace folder; relative paths mean the folder the operator typed in. */
const resolveFrom = (env: NodeJS.ProcessEnv, target: string) => path.resolve(env.INIT_CWD ?? process.cwd(), target);

const timestamp = (now: Date) => now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');

/** The engine's configuration as the CLI reads it (DATABASE_URL, DATA_DIR, STORAGE…), `--schema` applied. */
function targetOf(env: NodeJS.ProcessEnv, schema: string | undefined): { config: BackupConfig; storage: FileStorage } {
  const { database, dataDir, storage } = loadConfig(env);
  if (schema !== undefined && database.client !== 'postgres') throw new BackupError('--schema applies to PostgreSQL only; DATABASE_URL is SQLite.');
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new BackupError(`--schema "${schema}" is not a plain lower-case schema name.`);
  const config = { database: schema === undefined ? database : { ...database, searchPath: schema }, dataDir };
  return { config, storage: createFileStorage(storage) };
}

function describeDatabase(database: DatabaseConfig): string {
  if (database.client === 'sqlite') return `SQLite ${database.filename}`;
  const url = new URL(database.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}${database.searchPath ? ` (schema ${database.searchPath})` : ''}`;
}

type Parsed = { positionals: string[]; values: { schema?: string; force?: boolean; help?: boolean } };

/** Parses the arguments and runs `work`, turning every failure into a message and an exit status. */
async function run(argv: string[], io: CliIo, usage: string, work: (args: Parsed) => Promise<number>): Promise<number> {
  let args: Parsed;
  try {
    args = parseArgs({ args: argv, allowPositionals: true,
      options: { schema: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }) as Parsed;
  } catch (error) {
    io.err(`${(error as Error).message}\n${usage}`);
    return EXIT.usage;
  }
  if (args.values.help) { io.out(usage); return EXIT.ok; }
  try {
    return await work(args);
  } catch (error) {
    // Not only BackupError: a bad DATABASE_URL, an unreachable server or a full disk are explained by their own message.
    io.err(`Error: ${maskDigits((error as Error).message ?? String(error))}`);
    return EXIT.failed;
  }
}

export function runBackupCli(argv: string[], io: CliIo = processIo): Promise<number> {
  return run(argv, io, BACKUP_USAGE, async ({ positionals, values }) => {
    if (positionals.length > 1 || values.force) { io.err(BACKUP_USAGE); return EXIT.usage; }
    const { config, storage } = targetOf(io.env, values.schema);
    const dir = positionals[0] ? resolveFrom(io.env, positionals[0])
      : path.join(resolveFrom(io.env, io.env.BACKUP_DIR || 'backups'), timestamp(new Date()));
    const { manifest, warnings } = await createBackup({ config, storage, dir }).finally(() => storage.close?.());
    const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
    const count = (prefix: string) => Object.keys(manifest.files).filter((file) => file.startsWith(prefix)).length;
    io.out(`Backup written to ${dir}`);
    io.out(`  database: ${describeDatabase(config.database)}, ${Object.keys(manifest.tables).length} tables, ${rows} rows, `
      + `migration ${manifest.engine.migration ?? '(none)'}`);
    io.out(`  attachments: ${count('attachments/')}, import reports: ${count('reports/')}`);
    for (const warning of warnings) io.err(`Warning: ${warning}`);
    return warnings.length > 0 ? EXIT.incomplete : EXIT.ok;
  });
}

export function runRestoreCli(argv: string[], io: CliIo = processIo): Promise<number> {
  return run(argv, io, RESTORE_USAGE, async ({ positionals, values }) => {
    if (positionals.length !== 1) { io.err(RESTORE_USAGE); return EXIT.usage; }
    const { config, storage } = targetOf(io.env, values.schema);
    const dir = resolveFrom(io.env, positionals[0]!);
    const { manifest, attachments, reports } = await restoreBackup({ config, storage, dir, force: values.force })
      .finally(() => storage.close?.());
    io.out(`Restored ${dir} (made ${manifest.createdAt}) into ${describeDatabase(config.database)}`);
    io.out(`  ${Object.keys(manifest.tables).length} tables with the row counts of the backup; attachments: ${attachments}, `
      + `import reports: ${reports}. The engine can be started.`);
    return EXIT.ok;
  });
}
