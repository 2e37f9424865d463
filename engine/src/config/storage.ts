import path from 'node:path';
import type { ConfigSource } from './ConfigSource.js';

/** Where attachments' bytes live, and how often orphans are swept (engine/src/files). */
export type StorageConfig = { sweep: FileSweepConfig } & (
  | { kind: 'fs'; root: string }
  | { kind: 's3'; s3: S3Config });

export interface S3Config {
  /** An S3-compatible server's URL (MinIO, Ceph, a cloud's object storage); AWS itself when absent. */
  endpoint?: string;
  bucket: string;
  region: string;
  /** Both or neither; neither leaves the SDK's default chain (AWS_* variables, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `http://host/bucket/key` rather than `http://bucket.host/key`; most self-hosted servers need it. */
  forcePathStyle: boolean;
}

export interface FileSweepConfig {
  /** How often an engine runs the sweep (one engine at a time on a shared database). */
  intervalMinutes: number;
  /** Stored bytes without a `files` row are removed once older than this (an upload in flight is younger). */
  strayMinutes: number;
  /** Uploads never attached to a record or application are removed once older than this. */
  unattachedHours: number;
}

const S3_NAMES = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
/** S3's bucket naming rules (3–63 lowercase letters, digits, dots and hyphens, starting and ending alphanumeric). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * STORAGE (`fs`, the default: `<DATA_DIR>/files`; or `s3`) and the S3_* settings. Every setting is
 * read whatever STORAGE says (a config file key is known either way); S3_* set while STORAGE is
 * `fs` is refused, so that an operator never believes attachments go to the bucket when they do not.
 * The secret key is never quoted back in a message.
 */
export function readStorage(source: ConfigSource, dataDir: string): StorageConfig {
  const kind = source.oneOf('STORAGE', ['fs', 's3'], 'fs');
  const [endpoint, bucket, region, accessKeyId, secretAccessKey] = S3_NAMES.map((name) => source.optionalString(name));
  const forcePathStyle = source.bool('S3_FORCE_PATH_STYLE', endpoint !== undefined);
  const sweep: FileSweepConfig = {
    intervalMinutes: source.int('FILE_SWEEP_MINUTES', 60),
    strayMinutes: source.int('FILE_STRAY_MINUTES', 60),
    unattachedHours: source.int('FILE_UNATTACHED_HOURS', 168),
  };
  if (kind === 'fs') {
    const set = S3_NAMES.filter((_, index) => [endpoint, bucket, region, accessKeyId, secretAccessKey][index] !== undefined);
    if (set.length > 0) source.refuse('STORAGE', `is "fs" (files under DATA_DIR) but ${set.join(', ')} is set; set STORAGE=s3 to use the bucket, or remove the S3_* settings`);
    return { kind, root: path.join(dataDir, 'files'), sweep };
  }
  if (bucket === undefined) source.refuse('S3_BUCKET', 'is required when STORAGE=s3 (the bucket attachments are stored in, created beforehand)');
  else if (!BUCKET.test(bucket)) source.refuse('S3_BUCKET', `must be a valid bucket name (3 to 63 lowercase letters, digits, dots or hyphens), got ${JSON.stringify(bucket)}`);
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) {
    source.refuse('S3_ENDPOINT', `must be an http:// or https:// URL such as https://minio.internal:9000, got ${JSON.stringify(endpoint)}`);
  }
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    source.refuse(accessKeyId === undefined ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY',
      'is missing: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither to use the AWS default credentials (AWS_* variables, instance role)');
  }
  const credentials = accessKeyId !== undefined && secretAccessKey !== undefined ? { accessKeyId, secretAccessKey } : undefined;
  return { kind, s3: { endpoint, bucket: bucket ?? '', region: region ?? 'us-east-1', credentials, forcePathStyle }, sweep };
}
