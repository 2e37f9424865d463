import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertStorageKey, isStorageKey, MissingStoredFileError, type FileStorage, type StoredObject } from './FileStorage.js';

/** A write in progress: `.<key>.<random>.tmp` beside its final name. */
const TEMPORARY = /^\.[0-9a-z]{8,64}\.[0-9a-f]{12}\.tmp$/;
const SHARD = /^[0-9a-z]{2}$/;

/**
 * Files under `<root>/<first 2 characters of the key>/<key>` (root is `<DATA_DIR>/files`). A write
 * goes to a temporary file in the same directory, is fsynced, then renamed over the final name
 * (atomic on POSIX), and the directory is fsynced so the rename survives a crash. A crash before
 * the rename leaves the temporary file, which `removeLeftovers` deletes later.
 */
export class FilesystemStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    const dir = path.dirname(target);
    await fs.mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await fs.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(dir);
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new MissingStoredFileError(key, { cause: error });
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObject> {
    for await (const entry of this.entries(isStorageKey)) {
      // A key misplaced in another directory is not one `get` or `delete` would reach: not listed.
      if (entry.path === this.pathOf(entry.name)) yield { key: entry.name, modifiedAt: entry.modifiedAt };
    }
  }

  async removeLeftovers(before: Date): Promise<number> {
    let removed = 0;
    for await (const entry of this.entries((name) => TEMPORARY.test(name))) {
      if (entry.modifiedAt >= before) continue;
      await fs.rm(entry.path, { force: true });
      removed += 1;
    }
    return removed;
  }

  /** The files of the two-character directories whose names pass `accept`, with their mtime. */
  private async *entries(accept: (name: string) => boolean): AsyncIterable<{ name: string; path: string; modifiedAt: Date }> {
    for (const shard of (await readdirOrNone(this.root)).filter((name) => SHARD.test(name)).sort()) {
      for (const name of (await readdirOrNone(path.join(this.root, shard))).filter(accept)) {
        const file = path.join(this.root, shard, name);
        const stat = await fs.stat(file).catch(() => undefined); // removed meanwhile
        if (stat?.isFile()) yield { name, path: file, modifiedAt: stat.mtime };
      }
    }
  }
}

async function readdirOrNone(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** fsync of a directory makes a rename durable on Linux; other systems may refuse it, harmlessly. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported here (e.g. Windows): the file itself is already synced.
  } finally {
    await handle?.close();
  }
}
