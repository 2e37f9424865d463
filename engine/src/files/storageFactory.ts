import type { StorageConfig } from '../config/index.js';
import type { FileStorage } from './FileStorage.js';
import { FilesystemStorage } from './FilesystemStorage.js';
import { S3Storage } from './S3Storage.js';

type Factories = { [K in StorageConfig['kind']]: (config: Extract<StorageConfig, { kind: K }>) => FileStorage };

/** One entry per `STORAGE` value; a new kind of storage is a new entry (and a config reader for its settings). */
const FACTORIES: Factories = {
  fs: (config) => new FilesystemStorage(config.root),
  s3: (config) => new S3Storage(config.s3),
};

/** The storage the configuration names (STORAGE=fs|s3). */
export function createFileStorage(config: StorageConfig): FileStorage {
  return (FACTORIES[config.kind] as (config: StorageConfig) => FileStorage)(config);
}
