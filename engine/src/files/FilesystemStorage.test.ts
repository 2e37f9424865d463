import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newStorageKey } from './FileStorage.js';
import { FilesystemStorage } from './FilesystemStorage.js';
import { storageContract } from './test/storageContract.js';

describe('FilesystemStorage: the storage contract', () => {
  storageContract(async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'files-contract-'));
    return { storage: new FilesystemStorage(path.join(root, 'files')), dispose: async () => fs.rmSync(root, { recursive: true, force: true }) };
  });
});

describe('FilesystemStorage', () => {
  let root: string;
  let storage: FilesystemStorage;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'files-test-'));
    storage = new FilesystemStorage(path.join(root, 'files'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stores bytes under <root>/<first two characters>/<key> and reads them back', async () => {
    const key = newStorageKey();
    const bytes = Buffer.from('一些字节 \u0000\u00ff');
    await storage.put(key, bytes);
    expect(fs.readFileSync(path.join(root, 'files', key.slice(0, 2), key))).toEqual(bytes);
    expect(await storage.get(key)).toEqual(bytes);
  });

  it('leaves no temporary file behind', async () => {
    const key = newStorageKey();
    await storage.put(key, Buffer.from('x'));
    expect(fs.readdirSync(path.join(root, 'files', key.slice(0, 2)))).toEqual([key]);
  });

  it('lists nothing before the first upload, and skips what is not a key in its place', async () => {
    const empty: string[] = [];
    for await (const object of storage.list()) empty.push(object.key);
    expect(empty).toEqual([]);
    const key = newStorageKey();
    await storage.put(key, Buffer.from('x'));
    const misplaced = `${key.startsWith('00') ? '11' : '00'}${key.slice(2)}`;
    fs.writeFileSync(path.join(root, 'files', key.slice(0, 2), misplaced), 'x'); // in the wrong directory
    fs.writeFileSync(path.join(root, 'files', key.slice(0, 2), 'README.txt'), 'x');
    fs.mkdirSync(path.join(root, 'files', 'lost+found'));
    const listed: string[] = [];
    for await (const object of storage.list()) listed.push(object.key);
    expect(listed).toEqual([key]);
  });

  it('removes the temporary files of interrupted writes once older than the given time, and nothing else', async () => {
    const key = newStorageKey();
    await storage.put(key, Buffer.from('kept'));
    const dir = path.join(root, 'files', key.slice(0, 2));
    const stale = path.join(dir, `.${key}.0123456789ab.tmp`);
    const fresh = path.join(dir, `.${newStorageKey()}.ba9876543210.tmp`);
    fs.writeFileSync(stale, 'half');
    fs.writeFileSync(fresh, 'half');
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(stale, hourAgo, hourAgo);
    expect(await storage.removeLeftovers(new Date(Date.now() - 60_000))).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(fresh), key].sort());
  });

  it('makes random 32-character hex keys', () => {
    const keys = new Set(Array.from({ length: 100 }, newStorageKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});
