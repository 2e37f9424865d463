import { randomBytes } from 'node:crypto';

/**
 * Where the bytes of attachments live (filesystem by default; S3 later). Keys are made by the
 * engine (`newStorageKey`), never taken from user input. Implementations write atomically: a
 * reader sees the whole file or none of it.
 */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The stored bytes; rejects if the key holds nothing. */
  get(key: string): Promise<Buffer>;
  /** Removes the bytes; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** A fresh random storage key: 32 lowercase hex characters (128 bits). */
export function newStorageKey(): string {
  return randomBytes(16).toString('hex');
}

const KEY_PATTERN = /^[0-9a-z]{8,64}$/;

/** Guards every implementation against a key that could name a path (defence in depth). */
export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error('Invalid storage key');
}
