import type { Knex } from 'knex';
import { encryptedStores } from './EncryptedStores.js';
import type { FieldCipher } from './FieldCipher.js';

/**
 * Re-encrypts every value of every registered store under the active data key (the first of
 * DATA_KEYS). Idempotent and resumable: a value already under the active key is left alone, so a
 * second run rewrites nothing and an interrupted one is simply run again. Returns rows rewritten per store.
 */
export async function rotateKeys(knex: Knex, cipher: FieldCipher, report: (store: string, rows: number) => void = () => {}):
  Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const store of encryptedStores()) {
    counts[store.name] = await store.rotate(knex, cipher);
    report(store.name, counts[store.name]!);
  }
  return counts;
}
