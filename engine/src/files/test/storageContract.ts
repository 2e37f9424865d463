import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MissingStoredFileError, newStorageKey, type FileStorage } from '../FileStorage.js';

/** A storage under test and how to throw it away. */
export interface StorageUnderTest {
  storage: FileStorage;
  dispose(): Promise<void>;
  /**
   * False where the server behind the storage, not our code, rewrites an object in place (s3rver;
   * AWS S3 and MinIO replace a PutObject atomically): readers during a rewrite are then not checked.
   */
  readersDuringReplace?: boolean;
}

/**
 * What every FileStorage must do, run against each implementation (inside its `describe`): the
 * crash-consistency of attachments (files/FileSweeper.ts) rests on these guarantees.
 */
export function storageContract(make: () => Promise<StorageUnderTest>): void {
  let subject: StorageUnderTest;
  const storage = () => subject.storage;
  beforeAll(async () => { subject = await make(); });
  afterAll(async () => { await subject?.dispose(); });

  it('gives back exactly the bytes put under a key, each key its own', async () => {
    const [a, b] = [newStorageKey(), newStorageKey()];
    const bytes = Buffer.concat([Buffer.from('一些字节 \u0000'), randomBytes(4096), Buffer.from([0, 255])]);
    await storage().put(a, bytes);
    await storage().put(b, Buffer.from('other'));
    expect((await storage().get(a)).equals(bytes)).toBe(true);
    expect((await storage().get(b)).toString()).toBe('other');
  });

  it('rejects a missing key with MissingStoredFileError; deleting it is no error', async () => {
    const key = newStorageKey();
    await expect(storage().get(key)).rejects.toBeInstanceOf(MissingStoredFileError);
    await expect(storage().delete(key)).resolves.toBeUndefined();
  });

  it('deletes: the bytes are gone and a second delete is no error', async () => {
    const key = newStorageKey();
    await storage().put(key, Buffer.from('x'));
    await storage().delete(key);
    await storage().delete(key);
    await expect(storage().get(key)).rejects.toBeInstanceOf(MissingStoredFileError);
  });

  it('replaces atomically: a reader during a rewrite sees the whole old or the whole new bytes', async () => {
    const key = newStorageKey();
    const [before, after] = [Buffer.alloc(2 * 1024 * 1024, 'a'), Buffer.alloc(2 * 1024 * 1024, 'b')];
    await storage().put(key, before);
    const reads: Array<Promise<Buffer>> = [];
    const writing = storage().put(key, after);
    if (subject.readersDuringReplace !== false) for (let i = 0; i < 8; i += 1) reads.push(storage().get(key));
    await writing;
    for (const read of await Promise.all(reads)) expect(read.equals(before) || read.equals(after)).toBe(true);
    expect((await storage().get(key)).equals(after)).toBe(true);
  });

  it('lists every stored key with the time it was written', async () => {
    const keys = [newStorageKey(), newStorageKey()];
    for (const key of keys) await storage().put(key, Buffer.from(key));
    const listed = new Map<string, Date>();
    for await (const object of storage().list()) listed.set(object.key, object.modifiedAt);
    for (const key of keys) {
      expect(listed.has(key)).toBe(true);
      expect(Math.abs(listed.get(key)!.getTime() - Date.now())).toBeLessThan(60_000);
    }
    await storage().delete(keys[0]!);
    const after: string[] = [];
    for await (const object of storage().list()) after.push(object.key);
    expect(after).not.toContain(keys[0]);
    expect(after).toContain(keys[1]);
  });

  it('refuses keys that could name a path or another object, for every operation', async () => {
    for (const key of ['../../etc/passwd', 'ab/../../x', 'ABCDEFGH12', 'short', '']) {
      await expect(storage().put(key, Buffer.from('x'))).rejects.toThrow('Invalid storage key');
      await expect(storage().get(key)).rejects.toThrow('Invalid storage key');
      await expect(storage().delete(key)).rejects.toThrow('Invalid storage key');
    }
  });

  it('removes no stored file as a leftover', async () => {
    const key = newStorageKey();
    await storage().put(key, Buffer.from('kept'));
    expect(await storage().removeLeftovers(new Date(Date.now() + 3_600_000))).toBe(0);
    expect((await storage().get(key)).toString()).toBe('kept');
  });
}
