import type { Knex } from 'knex';

/**
 * Issue 4: file attachments. A row describes one stored file (the bytes live in a `FileStorage`
 * under `storage_key`); the owning organisation decides who may read it (org scope).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('files', (t) => {
    t.string('id', 36).primary();
    t.string('org_id', 36).notNullable().references('id').inTable('orgs').onDelete('RESTRICT');
    t.string('filename', 200).notNullable();
    t.string('media_type', 100).notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.string('storage_key', 100).notNullable().unique();
    t.string('created_at', 24).notNullable();
    t.string('created_by', 36).nullable();
    t.index(['org_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('files');
}
