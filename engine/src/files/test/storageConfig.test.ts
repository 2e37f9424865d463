import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/index.js';

const DATA_DIR = path.resolve('/srv/zjrj-data');
const load = (env: Record<string, string>) => loadConfig({ DATA_DIR, ...env });
/** Expects the start to be refused with a ConfigError whose lines match `lines` (one problem a line). */
const refused = (env: Record<string, string>, ...lines: RegExp[]) => {
  expect(() => load(env)).toThrow(ConfigError);
  for (const line of lines) expect(() => load(env)).toThrow(line);
};
const S3 = { STORAGE: 's3', S3_BUCKET: 'zjrj-attachments', S3_ENDPOINT: 'https://minio.internal:9000',
  S3_ACCESS_KEY_ID: 'engine', S3_SECRET_ACCESS_KEY: 'Very$ecret1' };

describe('storage configuration (STORAGE, S3_*, FILE_*)', () => {
  it('keeps attachments under DATA_DIR/files by default, swept hourly, unattached uploads after a week', () => {
    expect(load({}).storage).toEqual({ kind: 'fs', root: path.join(DATA_DIR, 'files'),
      sweep: { intervalMinutes: 60, strayMinutes: 60, unattachedHours: 168 } });
  });

  it('reads an S3-compatible bucket; path-style addressing by default when an endpoint is given', () => {
    expect(load(S3).storage).toMatchObject({ kind: 's3', s3: { endpoint: 'https://minio.internal:9000', bucket: 'zjrj-attachments',
      region: 'us-east-1', credentials: { accessKeyId: 'engine', secretAccessKey: 'Very$ecret1' }, forcePathStyle: true } });
    expect(load({ ...S3, S3_FORCE_PATH_STYLE: 'false', S3_REGION: 'cn-north-1' }).storage).toMatchObject({ s3: { forcePathStyle: false, region: 'cn-north-1' } });
    expect(load({ STORAGE: 's3', S3_BUCKET: 'zjrj-attachments' }).storage).toMatchObject({ s3: { forcePathStyle: false, credentials: undefined } });
  });

  it('refuses S3 without a valid bucket, with a bad endpoint, or with half of the key pair, naming each setting', () => {
    refused({ STORAGE: 's3' }, /- S3_BUCKET: is required when STORAGE=s3/);
    const wrong = { ...S3, S3_BUCKET: 'Bad_Bucket', S3_ENDPOINT: 'minio:9000', S3_ACCESS_KEY_ID: '' };
    refused(wrong, /- S3_BUCKET: must be a valid bucket name/, /- S3_ENDPOINT: must be an http/, /- S3_ACCESS_KEY_ID: is missing: set both/);
    expect(() => load(wrong)).not.toThrow(/Very\$ecret1/);
  });

  it('refuses S3 settings while STORAGE is fs, and an unknown kind of storage', () => {
    refused({ S3_BUCKET: 'zjrj-attachments' }, /- STORAGE: is "fs" .* but S3_BUCKET is set; set STORAGE=s3/);
    refused({ STORAGE: 'gcs' }, /- STORAGE: must be one of "fs", "s3"/);
    refused({ FILE_UNATTACHED_HOURS: '0' }, /- FILE_UNATTACHED_HOURS: must be a whole number of at least 1/);
  });
});
