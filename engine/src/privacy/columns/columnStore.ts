import type { Knex } from 'knex';
import type { EncryptedStore } from '../EncryptedStores.js';
import type { FieldCipher } from '../FieldCipher.js';
import { sealedPart } from './sealing.js';

/** One encrypted column of a table, and how its plain value is kept (see sealing.ts). */
export interface SealedColumn {
  column: string;
  context: string;
  /** `text`: a string; `json`: JSON text in a text column; `envelope`: JSON in a JSON-typed column. */
  form: 'text' | 'json' | 'envelope';
  /** The blind-index column kept next to a `text` column (exact search), with its scope. */
  blindIndex?: { column: string; scope: string };
}

const BATCH = 500;

/** The plain text of a stored value (decrypted, or as it is when still plain). */
function plainOf(cipher: FieldCipher, stored: unknown, spec: SealedColumn): string {
  const sealed = sealedPart(stored);
  if (sealed) return cipher.decrypt(sealed, spec.context);
  return typeof stored === 'string' ? stored : JSON.stringify(stored);
}

/** The columns of one row to rewrite: values still plain or under an old key, and missing blind indexes. */
function rewrite(cipher: FieldCipher, row: Record<string, unknown>, columns: readonly SealedColumn[]): Record<string, unknown> | undefined {
  const changes: Record<string, unknown> = {};
  for (const spec of columns) {
    const stored = row[spec.column];
    if (stored === null || stored === undefined) continue;
    const sealed = sealedPart(stored);
    const missingIndex = spec.blindIndex !== undefined && !row[spec.blindIndex.column];
    if (sealed && !cipher.needsRotation(sealed) && !missingIndex) continue;
    const plain = plainOf(cipher, stored, spec);
    const encrypted = cipher.encrypt(plain, spec.context);
    changes[spec.column] = spec.form === 'envelope' ? JSON.stringify({ sealed: encrypted }) : encrypted;
    if (spec.blindIndex) changes[spec.blindIndex.column] = cipher.blindIndex(plain, spec.blindIndex.scope);
  }
  return Object.keys(changes).length > 0 ? changes : undefined;
}

/**
 * The rotation of a table's sealed columns (keyed by `id`): in batches, each in a transaction that
 * holds the rows it rewrites (PostgreSQL `FOR UPDATE`; SQLite has one writer), it encrypts values
 * still plain (databases from before encryption) and re-encrypts those under another key than the
 * active one. A second run finds nothing to do.
 */
export function columnStore(name: string, table: string, columns: readonly SealedColumn[]): EncryptedStore {
  const selected = ['id', ...columns.flatMap((c) => (c.blindIndex ? [c.column, c.blindIndex.column] : [c.column]))];
  return {
    name,
    async rotate(db: Knex, cipher: FieldCipher): Promise<number> {
      let after = '';
      let rewritten = 0;
      for (;;) {
        const rows = await db.transaction(async (trx) => {
          const query = trx(table).where('id', '>', after).orderBy('id').limit(BATCH).select(selected);
          if (db.client.config.client === 'pg') void query.forUpdate();
          const batch = await query as Array<Record<string, unknown>>;
          for (const row of batch) {
            const changes = rewrite(cipher, row, columns);
            if (!changes) continue;
            await trx(table).where('id', String(row.id)).update(changes);
            rewritten += 1;
          }
          return batch;
        });
        if (rows.length < BATCH) return rewritten;
        after = String(rows[rows.length - 1]!.id);
      }
    },
  };
}
