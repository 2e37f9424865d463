import type { Knex } from 'knex';

/** What a dump holds, read through the same consistent view the dump was taken from. */
export interface Snapshot {
  tables: Record<string, number>;
  /** Newest applied migration (`knex_migrations`), null on a database the engine never migrated. */
  migration: string | null;
  /** Attachments the `files` table lists: where their bytes are and what they must hash to. */
  files: Array<{ storageKey: string; sha256: string }>;
}

/** Row count per table; names may be schema-qualified (`schema.table`: knex quotes each part). */
export async function countRows(knex: Knex | Knex.Transaction, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...tables].sort()) {
    const [row] = await knex.from(table).count({ n: '*' });
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

export async function readSnapshot(knex: Knex | Knex.Transaction, tables: string[]): Promise<Snapshot> {
  const has = (name: string) => tables.some((table) => table === name || table.endsWith(`.${name}`));
  const migration = has('knex_migrations')
    ? ((await knex('knex_migrations').max({ name: 'name' }).first()) as { name: string | null } | undefined)?.name ?? null
    : null;
  const files = has('files')
    ? (await knex('files').select('storage_key', 'sha256').orderBy('storage_key') as Array<{ storage_key: string; sha256: string }>)
      .map((row) => ({ storageKey: row.storage_key, sha256: row.sha256 }))
    : [];
  return { tables: await countRows(knex, tables), migration, files };
}
