import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseConfig } from '../../config/index.js';
import { BackupError } from './BackupError.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'zjrj-engine-backup';
export const MANIFEST_VERSION = 1;

/** What a backup directory holds; written last, so a directory without it is not a finished backup. */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: number;
  createdAt: string;
  engine: {
    /** Newest migration applied to the dumped database: a restore by an engine that does not know it is refused. */
    migration: string | null;
  };
  database: ManifestDatabase;
  /** Row count per table, read in the same snapshot as the dump (PostgreSQL: `schema.table`). */
  tables: Record<string, number>;
  attachments: {
    /** Storage keys listed by the `files` table whose bytes the storage did not give back. */
    missing: string[];
    /** Storage keys whose bytes did not match the SHA-256 the `files` table keeps for them. */
    damaged: string[];
  };
  reports: {
    /** The reports folder of the backed-up engine: `jobs.report_file` paths begin with it. */
    sourceDir: string;
  };
  /** SHA-256 and size of every file in the backup except this manifest, by path relative to the backup directory. */
  files: Record<string, { sha256: string; size: number }>;
}

export interface ManifestDatabase {
  client: DatabaseConfig['client'];
  /** The dump, relative to the backup directory. */
  dumpFile: string;
  /** PostgreSQL: the schemas dumped, or null for the whole database. */
  schemas: string[] | null;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Checksums of the listed files (relative to `dir`), for the manifest. */
export async function checksumFiles(dir: string, relativePaths: string[]): Promise<Manifest['files']> {
  const files: Manifest['files'] = {};
  for (const relative of [...relativePaths].sort()) {
    const absolute = path.join(dir, relative);
    files[relative] = { sha256: await sha256OfFile(absolute), size: (await fs.stat(absolute)).size };
  }
  return files;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  const file = path.join(dir, MANIFEST_FILE);
  await fs.writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
}

/**
 * The manifest of a backup directory, checked before anything is restored: its format, that every
 * path stays inside the directory, and that every file is present with its recorded SHA-256.
 */
export async function readVerifiedManifest(dir: string): Promise<Manifest> {
  const manifest = await readManifest(dir);
  const problems: string[] = [];
  for (const [relative, expected] of Object.entries(manifest.files)) {
    const absolute = insideBackup(dir, relative);
    let actual: string;
    try {
      actual = await sha256OfFile(absolute);
    } catch {
      problems.push(`${relative}: missing`);
      continue;
    }
    if (actual !== expected.sha256) problems.push(`${relative}: SHA-256 differs from the manifest (file changed or damaged)`);
  }
  if (problems.length > 0) {
    throw new BackupError(`Backup ${dir} failed verification; nothing was restored.\n  ${problems.slice(0, 20).join('\n  ')}`
      + `${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}\n`
      + 'Use an intact copy of this backup (or another backup); do not edit files inside a backup directory.');
  }
  return manifest;
}

async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new BackupError(`No ${MANIFEST_FILE} in ${dir}: not a backup directory, or a backup that did not finish. `
      + 'Give the directory that `npm run backup` printed.');
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new BackupError(`${path.join(dir, MANIFEST_FILE)} is not valid JSON (damaged?). Use an intact copy of this backup.`);
  }
  if (manifest?.format !== MANIFEST_FORMAT || typeof manifest.files !== 'object' || typeof manifest.tables !== 'object') {
    throw new BackupError(`${path.join(dir, MANIFEST_FILE)} is not a manifest of this engine's backups.`);
  }
  if (manifest.formatVersion !== MANIFEST_VERSION) {
    throw new BackupError(`Backup format version ${manifest.formatVersion} is not supported by this engine (it reads ${MANIFEST_VERSION}). `
      + 'Restore with the engine version that wrote the backup.');
  }
  if (!(manifest.database.dumpFile in manifest.files)) {
    throw new BackupError(`The manifest does not list the database dump ${manifest.database.dumpFile}; the backup is damaged.`);
  }
  return manifest;
}

/** A manifest path as an absolute path, refused when it would leave the backup directory. */
export function insideBackup(dir: string, relative: string): string {
  const absolute = path.resolve(dir, relative);
  if (path.isAbsolute(relative) || !absolute.startsWith(path.resolve(dir) + path.sep)) {
    throw new BackupError(`The manifest names a path outside the backup directory (${relative}); refusing this backup.`);
  }
  return absolute;
}
