import type { Knex } from 'knex';
import type { FieldCipher } from './FieldCipher.js';

/**
 * A place holding values encrypted by the FieldCipher (records, transfers, workflow data …). Each
 * feature registers its own; `npm run rotate-keys` walks them all.
 */
export interface EncryptedStore {
  name: string;
  /**
   * Re-encrypts under the active key every value still under another key (or still plain), in
   * batches; idempotent and resumable (a second run finds nothing), safe while engines run (each
   * row is rewritten only if unchanged since read). Returns the number of rows rewritten.
   */
  rotate(db: Knex, cipher: FieldCipher): Promise<number>;
}

const stores = new Map<string, EncryptedStore>();

/** Registers a store (at module load of the feature that owns it); a second one of the same name replaces the first. */
export function registerEncryptedStore(store: EncryptedStore): void {
  stores.set(store.name, store);
}

export function encryptedStores(): EncryptedStore[] {
  return [...stores.values()];
}
