import path from 'node:path';
import type { Knex } from 'knex';
import type { DatabaseConfig } from '../../config/index.js';
import { migrationSource, openDatabase } from '../../db/index.js';
import type { FileStorage } from '../../files/index.js';
import { BackupError } from './BackupError.js';
import { reportsDirOf, type BackupConfig } from './createBackup.js';
import { restoreAttachments, restoreReports } from './dataFiles.js';
import { dumperFor } from './dumpers/index.js';
import { readVerifiedManifest, type Manifest } from './manifest.js';
import { countRows } from './snapshot.js';

export interface RestoreOptions {
  /** The target: its database (stopped engine) and data directory (reports are written under it). */
  config: BackupConfig;
  /** Where the attachments' bytes are put (the target engine's storage). */
  storage: FileStorage;
  dir: string;
  /** Replace a database that already has tables (else refused). */
  force?: boolean;
}

export interface RestoreResult {
  manifest: Manifest;
  attachments: number;
  reports: number;
}

/**
 * Restores a backup: verifies every checksum first (a damaged backup changes nothing), refuses a
 * non-empty target without `force` and a target still in use, puts the attachments and reports
 * back, restores the database, and compares its row counts with the manifest.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const dir = path.resolve(options.dir);
  const manifest = await readVerifiedManifest(dir);
  const { database } = options.config;
  if (manifest.database.client !== database.client) {
    throw new BackupError(`This backup is of a ${manifest.database.client} database, but DATABASE_URL points at ${database.client}. `
      + `Point DATABASE_URL at a ${manifest.database.client} database.`);
  }
  await assertKnownMigration(manifest.engine.migration);
  const dumper = dumperFor(database.client);
  dumper.assertCompatible(database, manifest);
  const existing = await dumper.existingTables(database, manifest);
  if (existing.length > 0 && !options.force) {
    throw new BackupError(`The target database is not empty (${existing.length} tables, e.g. ${existing.slice(0, 3).join(', ')}). `
      + 'Restore into an empty database, or pass --force to replace its contents.');
  }
  await dumper.assertNotInUse(database, manifest);
  // Attachments before the database: bytes without a row are harmless (swept later), a row without its bytes is not.
  const attachments = await restoreAttachments(options.storage, manifest, dir);
  const reportsDir = reportsDirOf(options.config.dataDir);
  const reports = await restoreReports(manifest, dir, reportsDir);
  await dumper.restore(database, path.join(dir, manifest.database.dumpFile), manifest, options.force === true);
  await checkRestored(database, manifest, reportsDir);
  return { manifest, attachments, reports };
}

async function assertKnownMigration(migration: string | null): Promise<void> {
  const known = await migrationSource.getMigrations([]);
  if (migration !== null && !known.includes(migration)) {
    throw new BackupError(`This backup was made by a newer engine (its database has migration ${migration}, unknown to this one). `
      + 'Restore it with that engine version or a later one.');
  }
}

async function checkRestored(config: DatabaseConfig, manifest: Manifest, reportsDir: string): Promise<void> {
  const db = openDatabase(config);
  try {
    const counts = await countRows(db.knex, Object.keys(manifest.tables));
    const differences = Object.entries(manifest.tables).filter(([table, rows]) => counts[table] !== rows)
      .map(([table, rows]) => `${table}: ${counts[table]} rows, the backup had ${rows}`);
    if (differences.length > 0) {
      throw new BackupError(`The restored database does not match the backup:\n  ${differences.join('\n  ')}\n`
        + 'Do not start the engine on it; restore again into an empty database.');
    }
    await relinkReports(db.knex, manifest.reports.sourceDir, reportsDir);
  } finally {
    await db.destroy();
  }
}

/**
 * `jobs.report_file` holds the absolute path the report was written to; restored under another
 * data directory, it is pointed at the same file name in the new reports folder.
 */
async function relinkReports(knex: Knex, from: string, to: string): Promise<void> {
  if (path.resolve(from) === path.resolve(to)) return;
  const rows = await knex('jobs').whereNotNull('report_file').select('id', 'report_file') as Array<{ id: string; report_file: string }>;
  const moved = rows.filter((row) => row.report_file.startsWith(from + path.sep));
  if (moved.length === 0) return;
  await knex.transaction(async (trx) => {
    for (const row of moved) {
      await trx('jobs').where({ id: row.id }).update({ report_file: path.join(to, row.report_file.slice(from.length + 1)) });
    }
  });
}
