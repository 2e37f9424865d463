import type { Knex } from 'knex';

/**
 * Issue 6 (R-2.4, R-2.5): real-name applications, one per account. `data` holds the form (name,
 * document type, ID number, mobile, the ID card images' file ids) and, once submitted, the scan's
 * file id; `instance_id` the review process instance. `version` counts writes (optimistic checks).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('real_name_applications', (t) => {
    t.string('id', 36).primary();
    t.string('account_id', 36).notNullable().unique().references('id').inTable('accounts').onDelete('CASCADE');
    t.string('org_id', 36).notNullable().references('id').inTable('orgs').onDelete('CASCADE');
    t.string('status', 16).notNullable();
    t.text('data').notNullable();
    t.string('scan_file_id', 36).nullable();
    t.string('instance_id', 36).nullable();
    t.string('created_at', 24).notNullable();
    t.string('updated_at', 24).notNullable();
    t.string('submitted_at', 24).nullable();
    t.string('decided_at', 24).nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.index(['instance_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('real_name_applications');
}
