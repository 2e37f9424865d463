import type { Knex } from 'knex';

/**
 * Issue 8: whether an upload was ever attached to a record or application. The orphan sweep
 * (files/FileSweeper) removes uploads never attached after a grace period; a write that attaches a
 * file sets the flag in its own transaction, so the sweep and the write cannot both win. Files
 * uploaded before this migration count as attached: nothing that existed is ever swept.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('files', (t) => {
    t.boolean('attached').notNullable().defaultTo(false);
    t.index(['attached', 'created_at'], 'files_unattached_idx');
  });
  await knex('files').update({ attached: true });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('files', (t) => {
    t.dropIndex(['attached', 'created_at'], 'files_unattached_idx');
    t.dropColumn('attached');
  });
}
