import type { Knex } from 'knex';

/**
 * Issue 6: staged changes of read-only (主体信息) fields. `diff` holds `{field: {from, to}}`
 * taken against the record's `base_version`; `pending_key` is set (org + entity) only while the
 * request is pending, so its unique index allows one pending request per organisation and entity.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('change_requests', (t) => {
    t.string('id', 36).primary();
    t.string('org_id', 36).notNullable().references('id').inTable('orgs').onDelete('CASCADE');
    t.string('entity', 64).notNullable();
    t.string('record_id', 36).notNullable();
    t.integer('base_version').notNullable();
    t.text('diff').notNullable();
    t.text('reason').notNullable();
    t.string('status', 16).notNullable();
    t.string('pending_key', 110).nullable().unique();
    t.string('message', 200).nullable();
    t.string('instance_id', 36).nullable();
    t.string('requested_by', 36).notNullable();
    t.string('created_at', 24).notNullable();
    t.string('decided_at', 24).nullable();
    t.index(['org_id', 'entity']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('change_requests');
}
