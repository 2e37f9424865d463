import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileStorage } from '../../files/index.js';
import { insideBackup, type Manifest } from './manifest.js';
import type { Snapshot } from './snapshot.js';

export const ATTACHMENTS_DIR = 'attachments';
export const REPORTS_DIR = 'reports';
/** Storage round trips at once: enough to hide S3 latency, few enough for a small machine. */
const PARALLEL = 4;

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, lane));
}

const under = (prefix: string, manifest: Manifest) => Object.keys(manifest.files).filter((file) => file.startsWith(`${prefix}/`));

/**
 * Every attachment the dump's `files` table lists, read through the storage (so it works for any
 * storage) into `attachments/<key>`. Bytes the storage lacks, or whose SHA-256 is not the one the
 * row keeps, are reported rather than stopping the backup: the rest is still worth keeping.
 */
export async function backupAttachments(storage: FileStorage, files: Snapshot['files'], dir: string) {
  const written: string[] = [];
  const missing: string[] = [];
  const damaged: string[] = [];
  await fs.mkdir(path.join(dir, ATTACHMENTS_DIR), { mode: 0o700 });
  await inParallel(files, async ({ storageKey, sha256 }) => {
    const relative = `${ATTACHMENTS_DIR}/${storageKey}`;
    let bytes: Buffer;
    try {
      bytes = await storage.get(storageKey);
    } catch {
      missing.push(storageKey);
      return;
    }
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) damaged.push(storageKey);
    await fs.writeFile(insideBackup(dir, relative), bytes, { flag: 'wx' });
    written.push(relative);
  });
  return { written, missing: missing.sort(), damaged: damaged.sort() };
}

/** Puts every backed-up attachment back through the target's storage (idempotent: same key, same bytes). */
export async function restoreAttachments(storage: FileStorage, manifest: Manifest, dir: string): Promise<number> {
  const files = under(ATTACHMENTS_DIR, manifest);
  await inParallel(files, async (relative) => {
    await storage.put(path.basename(relative), await fs.readFile(insideBackup(dir, relative)));
  });
  return files.length;
}

/** Import error reports: the regular files of `<DATA_DIR>/reports/`, copied into `reports/`. */
export async function backupReports(reportsDir: string, dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(reportsDir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name);
  await fs.mkdir(path.join(dir, REPORTS_DIR), { mode: 0o700 });
  for (const name of files) await fs.copyFile(path.join(reportsDir, name), insideBackup(dir, `${REPORTS_DIR}/${name}`));
  return files.map((name) => `${REPORTS_DIR}/${name}`);
}

export async function restoreReports(manifest: Manifest, dir: string, reportsDir: string): Promise<number> {
  const files = under(REPORTS_DIR, manifest);
  await fs.mkdir(reportsDir, { recursive: true });
  for (const relative of files) await fs.copyFile(insideBackup(dir, relative), path.join(reportsDir, path.basename(relative)));
  return files.length;
}
