import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Config } from '../config/index.js';
import { assertStorageKey, isStorageKey, MissingStoredFileError, type FileStorage, type StoredObject } from './FileStorage.js';

type Sdk = typeof import('@aws-sdk/client-s3');

/**
 * Attachments in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, a cloud's object storage), one
 * object per key at the bucket's top level. A PutObject is all-or-nothing and durable once
 * acknowledged, so there is nothing like a temporary file to clean up. Checksums are sent and
 * checked only where the operation requires them: several S3-compatible servers refuse the newer
 * default checksum headers. The SDK is loaded at the first use (about 25 MB and a quarter second
 * that an engine on the filesystem storage does not pay).
 */
export class S3Storage implements FileStorage {
  private connection: Promise<{ sdk: Sdk; client: S3Client }> | undefined;
  private readonly bucket: string;

  constructor(private readonly config: S3Config) {
    this.bucket = config.bucket;
  }

  private connect(): Promise<{ sdk: Sdk; client: S3Client }> {
    this.connection ??= import('@aws-sdk/client-s3').then((sdk) => ({ sdk, client: new sdk.S3Client({
      region: this.config.region,
      forcePathStyle: this.config.forcePathStyle,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(this.config.endpoint ? { endpoint: this.config.endpoint } : {}),
      ...(this.config.credentials ? { credentials: this.config.credentials } : {}),
    }) }));
    return this.connection;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    assertStorageKey(key);
    const { sdk, client } = await this.connect();
    await client.send(new sdk.PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentLength: bytes.length,
      ContentType: 'application/octet-stream' }));
  }

  async get(key: string): Promise<Buffer> {
    assertStorageKey(key);
    const { sdk, client } = await this.connect();
    try {
      const answer = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!answer.Body) throw new MissingStoredFileError(key);
      return Buffer.from(await answer.Body.transformToByteArray());
    } catch (error) {
      // Only a missing key; a missing bucket or refused credentials stay what they are.
      if (error instanceof sdk.S3ServiceException && error.name === 'NoSuchKey') throw new MissingStoredFileError(key, { cause: error });
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    const { sdk, client } = await this.connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key })); // S3 answers 204 for a missing key too
  }

  async *list(): AsyncIterable<StoredObject> {
    const { sdk, client } = await this.connect();
    for await (const page of sdk.paginateListObjectsV2({ client, pageSize: 1000 }, { Bucket: this.bucket })) {
      for (const object of page.Contents ?? []) {
        if (object.Key && isStorageKey(object.Key) && object.LastModified) yield { key: object.Key, modifiedAt: object.LastModified };
      }
    }
  }

  async removeLeftovers(): Promise<number> {
    return 0; // PutObject leaves no partial object behind
  }

  /** Stops the client's connection pool (the engine's close). */
  close(): void {
    void this.connection?.then(({ client }) => client.destroy());
  }
}
