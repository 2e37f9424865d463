import type { Knex } from 'knex';

/**
 * Issue 7: the designer. A draft is what someone is editing of one definition (kind + key):
 * kept as typed, valid or not, until it is published (a new immutable row of `definitions`) or
 * discarded. `based_on` is the published version it started from (null for a new definition).
 * Published versions get the publisher's note.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('definition_drafts', (t) => {
    t.string('id', 36).primary();
    t.string('kind', 16).notNullable();
    t.string('key', 64).notNullable();
    t.text('content').notNullable();
    t.integer('based_on').nullable();
    t.string('updated_at', 24).notNullable();
    t.string('updated_by', 36).nullable();
    t.unique(['kind', 'key']);
  });
  await knex.schema.alterTable('definitions', (t) => {
    t.string('note', 500).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  // Plain SQL on both databases (SQLite ≥ 3.35): knex would rebuild the SQLite table without its immutability triggers.
  await knex.raw('ALTER TABLE definitions DROP COLUMN note');
  await knex.schema.dropTableIfExists('definition_drafts');
}
