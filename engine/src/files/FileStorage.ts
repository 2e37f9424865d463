import { randomBytes } from 'node:crypto';

/** One stored object, as the sweep sees it. */
export interface StoredObject {
  key: string;
  /** When its bytes were last written (the storage's own clock): a young object may be an upload in flight. */
  modifiedAt: Date;
}

/**
 * Where the bytes of attachments live: the filesystem (default) or an S3-compatible bucket. Keys
 * are made by the engine (`newStorageKey`), never taken from user input, and never reused.
 * Implementations write atomically (a reader sees the whole file or none of it) and durably (once
 * `put` resolves, the bytes survive a crash), so a `files` row committed after `put` never points
 * at missing bytes. The shared contract test (files/test/storageContract.ts) holds every one to this.
 */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The stored bytes; rejects with MissingStoredFileError if the key holds nothing. */
  get(key: string): Promise<Buffer>;
  /** Removes the bytes; a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored key (anything else in the storage is not ours and is skipped), for the orphan sweep. */
  list(): AsyncIterable<StoredObject>;
  /** Removes what interrupted writes left behind before `before` (temporary files); how many. */
  removeLeftovers(before: Date): Promise<number>;
  /** Releases connections, if the implementation holds any. */
  close?(): void;
}

/** `get` of a key that holds nothing: the bytes of a `files` row are gone (a restore without its files?). */
export class MissingStoredFileError extends Error {
  constructor(readonly key: string, options?: ErrorOptions) {
    super(`No stored bytes under key ${key}`, options);
    this.name = 'MissingStoredFileError';
  }
}

/** A fresh random storage key: 32 lowercase hex characters (128 bits). */
export function newStorageKey(): string {
  return randomBytes(16).toString('hex');
}

const KEY_PATTERN = /^[0-9a-z]{8,64}$/;

export const isStorageKey = (key: string): boolean => KEY_PATTERN.test(key);

/** Guards every implementation against a key that could name a path (defence in depth). */
export function assertStorageKey(key: string): void {
  if (!isStorageKey(key)) throw new Error('Invalid storage key');
}
