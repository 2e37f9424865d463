import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { S3Config } from '../../config/index.js';

export interface TestS3Server { config: S3Config; client: S3Client; close(): Promise<void> }

/**
 * A real S3-compatible server (s3rver) on a free loopback port over a temporary directory, with one
 * empty bucket: tests speak the S3 protocol through the AWS SDK, as against MinIO or AWS.
 */
export async function startS3Server(bucket = 'attachments'): Promise<TestS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  const { port } = await server.run();
  const config: S3Config = { endpoint: `http://127.0.0.1:${port}`, bucket, region: 'us-east-1', forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } };
  const client = new S3Client({ endpoint: config.endpoint, region: config.region, forcePathStyle: true, credentials: config.credentials });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    config, client,
    close: async () => {
      client.destroy();
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
