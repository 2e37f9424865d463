import type { Knex } from 'knex';

/**
 * Issue 9 (personal data at rest): ID numbers outside `records` are stored encrypted
 * (engine/src/privacy/columns). Exact search by ID number goes through a blind index (keyed HMAC)
 * next to the encrypted value, in `transfers` and `pre_registration_items`; the encrypted values no
 * longer fit the short string columns on PostgreSQL (SQLite does not enforce lengths). Existing rows
 * are encrypted (and indexed) by `npm run rotate-keys`: this migration has no keys.
 */
const TABLES = ['transfers', 'pre_registration_items'] as const;

export async function up(knex: Knex): Promise<void> {
  for (const table of TABLES) {
    await knex.schema.alterTable(table, (t) => {
      t.string('id_number_bi', 64).nullable();
      t.index(['id_number_bi']);
    });
  }
  if (knex.client.config.client === 'pg') {
    for (const table of TABLES) await knex.raw('ALTER TABLE ?? ALTER COLUMN id_number TYPE text', [table]);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of TABLES) {
    await knex.schema.alterTable(table, (t) => {
      t.dropIndex(['id_number_bi']);
      t.dropColumn('id_number_bi');
    });
  }
}
