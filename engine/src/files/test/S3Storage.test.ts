import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MissingStoredFileError, newStorageKey } from '../FileStorage.js';
import { S3Storage } from '../S3Storage.js';
import { startS3Server, type TestS3Server } from './s3Server.js';
import { storageContract } from './storageContract.js';

describe('S3Storage: the storage contract over the S3 protocol', () => {
  storageContract(async () => {
    const server = await startS3Server();
    const storage = new S3Storage(server.config);
    return { storage, dispose: async () => { storage.close(); await server.close(); }, readersDuringReplace: false };
  });
});

describe('S3Storage', () => {
  let server: TestS3Server;
  beforeAll(async () => { server = await startS3Server(); });
  afterAll(async () => { await server.close(); });

  it('lists only keys of its own shape (other objects in the bucket are not ours to sweep)', async () => {
    const storage = new S3Storage(server.config);
    const key = newStorageKey();
    await storage.put(key, Buffer.from('x'));
    await server.client.send(new PutObjectCommand({ Bucket: server.config.bucket, Key: 'backups/readme.txt', Body: 'not ours' }));
    const listed: string[] = [];
    for await (const object of storage.list()) listed.push(object.key);
    expect(listed).toEqual([key]);
    storage.close();
  });

  it('fails loudly on a bucket that does not exist, rather than reporting the file as missing', async () => {
    const storage = new S3Storage({ ...server.config, bucket: 'no-such-bucket' });
    const error = await storage.get(newStorageKey()).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(MissingStoredFileError);
    expect((error as Error).name).toBe('NoSuchBucket');
    await expect(storage.put(newStorageKey(), Buffer.from('x'))).rejects.toThrow();
    storage.close();
  });
});
