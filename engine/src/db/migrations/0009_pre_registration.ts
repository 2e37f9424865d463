import type { Knex } from 'knex';

/**
 * Issue 6: pre-registration submissions and the record locks they hold.
 * - `pre_registration_submissions`: one batch an institution submitted (上报) for an exam year,
 *   reviewed in the `preRegistration` process (`instance_id`, business key = the submission id).
 * - `pre_registration_items`: one candidate of a batch, with a snapshot of what was submitted;
 *   `active_key` (person + year) is set while the item is under review or accepted, so its unique
 *   index allows one live submission per person and year whatever the concurrency.
 * - `record_locks`: records no write may change (the records module checks them in every write
 *   transaction); `holder` says who holds the lock, `code` and `message` are what a refused write answers.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('pre_registration_submissions', (t) => {
    t.string('id', 36).primary();
    t.string('org_id', 36).notNullable().references('id').inTable('orgs').onDelete('RESTRICT');
    t.integer('exam_year').notNullable();
    t.string('status', 16).notNullable();
    t.integer('count').notNullable();
    t.string('instance_id', 36).nullable();
    t.string('submitted_by', 36).notNullable();
    t.string('created_at', 24).notNullable();
    t.string('decided_at', 24).nullable();
    t.string('decided_by', 36).nullable();
    t.string('reason', 1000).nullable();
    t.index(['org_id', 'exam_year']);
  });
  await knex.schema.createTable('pre_registration_items', (t) => {
    t.string('id', 36).primary();
    t.string('submission_id', 36).notNullable().references('id').inTable('pre_registration_submissions').onDelete('CASCADE');
    t.string('org_id', 36).notNullable();
    t.integer('exam_year').notNullable();
    t.string('person_id', 36).notNullable();
    t.string('name', 100).notNullable();
    t.string('id_number', 64).notNullable();
    t.string('status', 16).notNullable();
    t.string('active_key', 80).nullable().unique();
    t.string('reason', 1000).nullable();
    t.text('snapshot').notNullable();
    t.string('created_at', 24).notNullable();
    t.string('decided_at', 24).nullable();
    t.index(['submission_id']);
    t.index(['org_id', 'exam_year', 'person_id']);
    t.index(['exam_year', 'status']);
  });
  await knex.schema.createTable('record_locks', (t) => {
    t.string('record_id', 36).primary().references('id').inTable('records').onDelete('RESTRICT');
    t.string('holder', 100).notNullable();
    t.string('code', 64).notNullable();
    t.string('message', 500).notNullable();
    t.string('created_at', 24).notNullable();
    t.index(['holder']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('record_locks');
  await knex.schema.dropTableIfExists('pre_registration_items');
  await knex.schema.dropTableIfExists('pre_registration_submissions');
}
