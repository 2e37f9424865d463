import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import knexPkg from 'knex';
import type { DatabaseConfig } from '../../../config/index.js';
import { BackupError } from '../BackupError.js';
import { readSnapshot } from '../snapshot.js';
import type { DatabaseDumper } from './DatabaseDumper.js';

const { knex: createKnex } = knexPkg;

const DUMP_FILE = 'database.sqlite';
const SIDE_FILES = ['-wal', '-shm', '-journal'];

function filenameOf(config: DatabaseConfig): string {
  if (config.client !== 'sqlite') throw new Error('sqlite dumper needs a sqlite config');
  return config.filename;
}

/** User tables of a SQLite database (not its own `sqlite_` bookkeeping). */
const TABLES_SQL = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
const names = (rows: unknown) => (rows as Array<{ name: string }>).map((row) => row.name);

/** The copy about to replace the target must be a sound database: the target is only replaced by one. */
function assertIntact(file: string): void {
  let result = 'not a database';
  try {
    const db = new Sqlite(file, { readonly: true, fileMustExist: true });
    try { result = String(db.pragma('quick_check', { simple: true })); } finally { db.close(); }
  } catch (error) {
    result = (error as Error).message;
  }
  if (result !== 'ok') {
    throw new BackupError(`The backup's database file fails SQLite's integrity check (${result}); the target was not changed. `
      + 'Use another backup.');
  }
}

/**
 * SQLite: `VACUUM INTO` on a separate read-only connection. It reads inside one transaction, so
 * the copy is consistent even while an engine writes (WAL lets it); the live file is never copied.
 */
export const sqliteDumper: DatabaseDumper = {
  async dump(config, dir) {
    const source = filenameOf(config);
    if (!fs.existsSync(source)) {
      throw new BackupError(`SQLite database ${source} does not exist. Check DATA_DIR or DATABASE_URL (sqlite:/path/file.sqlite).`);
    }
    const target = path.join(dir, DUMP_FILE);
    const live = new Sqlite(source, { readonly: true, fileMustExist: true });
    try {
      live.pragma('busy_timeout = 5000');
      live.prepare('VACUUM INTO ?').run(target);
    } finally {
      live.close();
    }
    // The copy is read here, not the live file: its counts and attachment list are exactly the dump's.
    const copy = createKnex({ client: 'better-sqlite3', connection: { filename: target, options: { readonly: true } }, useNullAsDefault: true });
    try {
      const tables = names(await copy.raw(TABLES_SQL));
      return { database: { client: 'sqlite', dumpFile: DUMP_FILE, schemas: null }, snapshot: await readSnapshot(copy, tables) };
    } finally {
      await copy.destroy();
    }
  },

  assertCompatible() {},

  async existingTables(config) {
    const file = filenameOf(config);
    if (!fs.existsSync(file) || fs.statSync(file).size === 0) return [];
    let db: Sqlite.Database | undefined;
    try {
      db = new Sqlite(file, { readonly: true, fileMustExist: true });
      return names(db.prepare(TABLES_SQL).all());
    } catch (error) {
      throw new BackupError(`${file} exists but cannot be read as a SQLite database (${(error as Error).message}). `
        + 'Move it away, or pass --force to replace it.');
    } finally {
      db?.close();
    }
  },

  /**
   * Leaving WAL mode needs the only connection to the file: SQLite refuses it (SQLITE_BUSY) while
   * an engine holds the database open. The engine sets WAL again when it next starts.
   */
  async assertNotInUse(config) {
    const file = filenameOf(config);
    if (!fs.existsSync(file) || fs.statSync(file).size === 0) return;
    let db: Sqlite.Database | undefined;
    try {
      db = new Sqlite(file, { fileMustExist: true });
      db.pragma('busy_timeout = 0');
      db.pragma('journal_mode = DELETE');
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') {
        throw new BackupError(`SQLite database ${file} is in use by another process (is the engine running?). `
          + 'Stop every engine that uses it, then run the restore again.');
      }
      if (!(error instanceof Sqlite.SqliteError)) throw error;
      // Not a database at all (only reachable with --force): it is about to be replaced.
    } finally {
      db?.close();
    }
  },

  /** The dump goes to a temporary file beside the target, is synced, then renamed over it (atomic). */
  async restore(config, dumpPath) {
    const file = filenameOf(config);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.restore-${randomBytes(6).toString('hex')}.tmp`;
    try {
      fs.copyFileSync(dumpPath, temp);
      assertIntact(temp);
      const handle = fs.openSync(temp, 'r+');
      try { fs.fsyncSync(handle); } finally { fs.closeSync(handle); }
      // A WAL or journal left from the old file must never be replayed onto the new one.
      for (const suffix of SIDE_FILES) fs.rmSync(`${file}${suffix}`, { force: true });
      fs.renameSync(temp, file);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
  },
};
