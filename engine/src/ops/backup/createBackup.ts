import fs from 'node:fs/promises';
import path from 'node:path';
import type { EngineConfig } from '../../config/index.js';
import type { FileStorage } from '../../files/index.js';
import { BackupError } from './BackupError.js';
import { backupAttachments, backupReports } from './dataFiles.js';
import { dumperFor } from './dumpers/index.js';
import { checksumFiles, MANIFEST_FORMAT, MANIFEST_VERSION, writeManifest, type Manifest } from './manifest.js';

/** What backup and restore need of the engine's configuration. */
export type BackupConfig = Pick<EngineConfig, 'database' | 'dataDir'>;

export interface BackupOptions {
  config: BackupConfig;
  /** Where the attachments' bytes are read from (the engine's own storage). */
  storage: FileStorage;
  /** The backup directory: created if absent, refused if not empty. */
  dir: string;
  now?: Date;
}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
  /** What the backup could not hold as it should (attachments missing or damaged in the storage). */
  warnings: string[];
}

/** Import error reports live here (the import job handler writes them; createEngine passes the same folder). */
export const reportsDirOf = (dataDir: string) => path.join(dataDir, 'reports');

/** Creates `dir` (or accepts it empty); true when this call created it. */
async function prepareDirectory(dir: string): Promise<boolean> {
  try {
    const entries = await fs.readdir(dir);
    if (entries.length > 0) {
      throw new BackupError(`Backup directory ${dir} is not empty. Give a new directory: each backup needs its own.`);
    }
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    return true;
  }
}

/**
 * Writes a backup while the engine may keep running: the database dump, the attachments its
 * `files` table lists (read through the storage), the import error reports, and last the manifest
 * (checksums of everything). A failure removes what was written, so no half backup is left.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const dir = path.resolve(options.dir);
  const { database: databaseConfig, dataDir } = options.config;
  const created = await prepareDirectory(dir);
  try {
    const { database, snapshot } = await dumperFor(databaseConfig.client).dump(databaseConfig, dir);
    const attachments = await backupAttachments(options.storage, snapshot.files, dir);
    const reportsDir = reportsDirOf(dataDir);
    const reports = await backupReports(reportsDir, dir);
    const written = [database.dumpFile, ...attachments.written, ...reports];
    // Personal data: readable by the backup's owner only, whatever the umask.
    for (const file of written) await fs.chmod(path.join(dir, file), 0o600);
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      formatVersion: MANIFEST_VERSION,
      createdAt: (options.now ?? new Date()).toISOString(),
      engine: { migration: snapshot.migration },
      database,
      tables: snapshot.tables,
      attachments: { missing: attachments.missing, damaged: attachments.damaged },
      reports: { sourceDir: reportsDir },
      files: await checksumFiles(dir, written),
    };
    await writeManifest(dir, manifest);
    return { dir, manifest, warnings: warningsOf(manifest) };
  } catch (error) {
    if (created) await fs.rm(dir, { recursive: true, force: true });
    else for (const entry of await fs.readdir(dir)) await fs.rm(path.join(dir, entry), { recursive: true, force: true });
    throw error;
  }
}

function warningsOf(manifest: Manifest): string[] {
  const { missing, damaged } = manifest.attachments;
  const warnings: string[] = [];
  if (missing.length > 0) {
    warnings.push(`${missing.length} attachment(s) listed in the files table are missing from the storage (keys: `
      + `${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}); see manifest.json. Check the file storage.`);
  }
  if (damaged.length > 0) {
    warnings.push(`${damaged.length} attachment(s) in the storage do not match their recorded SHA-256 (keys: `
      + `${damaged.slice(0, 5).join(', ')}${damaged.length > 5 ? ', …' : ''}); they were copied as found. Check the file storage.`);
  }
  return warnings;
}
