import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newStorageKey } from './FileStorage.js';
import { FilesystemStorage } from './FilesystemStorage.js';

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

  it('deletes, and deleting a missing key is no error', async () => {
    const key = newStorageKey();
    await storage.put(key, Buffer.from('x'));
    await storage.delete(key);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toThrow();
  });

  it('refuses keys that could name a path', async () => {
    await expect(storage.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow('Invalid storage key');
    await expect(storage.get('ab/../../x')).rejects.toThrow('Invalid storage key');
  });

  it('makes random 32-character hex keys', () => {
    const keys = new Set(Array.from({ length: 100 }, newStorageKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});
