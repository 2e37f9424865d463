import type { Knex } from 'knex';
import type { Database } from '../../db/index.js';
import type { DefinitionRegistry } from '../../definitions/index.js';
import { CipherError, FieldCipher, registerEncryptedStore, type EncryptedStore } from '../../privacy/index.js';
import { keysOf } from '../keys.js';
import { fieldContext } from './SensitiveRecordData.js';

const BATCH = 500;
type Raw = { id: string; entity: string; org_id: string; version: number; data: unknown };
type Data = Record<string, unknown>;

/**
 * Existing databases (made before `x-sensitive`, or a field newly marked sensitive): every record
 * whose sensitive field is still plain is rewritten sealed, with its key rows as keyed hashes. Runs
 * at every start under the startup lock; a second run finds nothing (one indexed scan per entity).
 * Each row is rewritten only if its version is unchanged since it was read.
 */
export async function sealPlainRecords(db: Database, registry: DefinitionRegistry): Promise<number> {
  let sealed = 0;
  for (const definition of registry.list('entity')) {
    const entity = registry.entity(definition.key);
    const fields = entity?.schema.sensitiveFields ?? [];
    if (!entity || fields.length === 0) continue;
    const plain = (q: Knex.QueryBuilder) => q.where((w) => {
      for (const field of fields) void w.orWhereRaw(`${db.dialect.jsonText('data', field)} NOT LIKE 'enc1:%'`);
    });
    for (let after = ''; ;) {
      const rows = await plain(db.knex('records').where('entity', entity.definition.key).andWhere('id', '>', after))
        .orderBy('id').limit(BATCH).select('id', 'entity', 'org_id', 'version', 'data') as Raw[];
      if (rows.length === 0) break;
      await db.knex.transaction(async (trx) => {
        for (const raw of rows) {
          const data = db.recordData.open(raw.entity, db.dialect.parseJson(raw.data) as Data);
          const changed = await trx('records').where({ id: raw.id, version: raw.version })
            .update({ data: JSON.stringify(db.recordData.seal(raw.entity, data)) });
          if (changed !== 1) continue;
          await trx('record_keys').where('record_id', raw.id).delete();
          const keys = keysOf(entity.definition.content, data, db.recordData);
          if (keys.length > 0) {
            await trx('record_keys').insert(keys.map((k) => ({ entity: raw.entity, org_id: raw.org_id, name: k.name, value: k.value, record_id: raw.id })));
          }
          sealed += 1;
        }
      });
      after = rows[rows.length - 1]!.id;
    }
  }
  return sealed;
}

/**
 * A value under another key, encrypted again under the active one; undefined for anything else,
 * including text that only looks like a ciphertext (typed into a field that is not sensitive).
 */
function reencrypted(cipher: FieldCipher, context: string, value: unknown): string | undefined {
  if (!FieldCipher.isEncrypted(value)) return undefined;
  try {
    return cipher.needsRotation(value) ? cipher.encrypt(cipher.decrypt(value, context), context) : undefined;
  } catch (error) {
    if (error instanceof CipherError) return undefined;
    throw error;
  }
}

/**
 * Key rotation of `records.data`: every `enc1:` value under a key other than the active one is
 * decrypted and encrypted again under it (the blind indexes, made with the index key, stay). Needs
 * no definition: a value's context is its record's entity and field name.
 */
export const recordsStore: EncryptedStore = {
  name: 'records',
  async rotate(knex: Knex, cipher: FieldCipher): Promise<number> {
    let rotated = 0;
    for (let after = ''; ;) {
      // Text search on the JSON: a row holding no value under another key is not read at all.
      const rows = await knex('records').where('id', '>', after).orderBy('id').limit(BATCH)
        .whereRaw(`CAST(data AS TEXT) LIKE '%"enc1:%'`).select('id', 'entity', 'org_id', 'version', 'data') as Raw[];
      if (rows.length === 0) return rotated;
      await knex.transaction(async (trx) => {
        for (const raw of rows) {
          const data = (typeof raw.data === 'string' ? JSON.parse(raw.data) : raw.data) as Data;
          let touched = false;
          for (const [field, value] of Object.entries(data)) {
            const again = reencrypted(cipher, fieldContext(raw.entity, field), value);
            if (again !== undefined) { data[field] = again; touched = true; }
          }
          if (touched && 1 === await trx('records').where({ id: raw.id, version: raw.version }).update({ data: JSON.stringify(data) })) rotated += 1;
        }
      });
      after = rows[rows.length - 1]!.id;
    }
  },
};

registerEncryptedStore(recordsStore);
