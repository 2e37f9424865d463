import type { Knex } from 'knex';

/**
 * Issue 6: personnel transfers between institutions. A row is one transfer-in application
 * (调入申请) of the receiving institution (`to_org_id`) for a person of the releasing one
 * (`from_org_id`); the person's identity is kept as it was when applied for, so the history reads
 * the same after the person moved or was deleted. `pending_key` (the person id) is set only while
 * the application is pending: its unique index allows one pending transfer per person. `outcome`
 * holds what the approval moved and left behind (JSON), `message` why it ended as it did.
 *
 * Finding a person by ID document across institutions reads `record_keys` without the organisation,
 * so that lookup gets an index of its own.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('transfers', (t) => {
    t.string('id', 36).primary();
    t.string('person_id', 36).notNullable();
    t.string('person_name', 50).notNullable();
    t.string('document_type', 8).notNullable();
    t.string('id_number', 50).notNullable();
    t.string('from_org_id', 36).notNullable().references('id').inTable('orgs').onDelete('RESTRICT');
    t.string('to_org_id', 36).notNullable().references('id').inTable('orgs').onDelete('RESTRICT');
    t.string('department_id', 36).notNullable();
    t.text('reason').notNullable();
    t.string('status', 16).notNullable();
    t.string('pending_key', 36).nullable().unique();
    t.string('message', 500).nullable();
    t.text('outcome').nullable();
    t.string('instance_id', 36).nullable();
    t.string('requested_by', 36).notNullable();
    t.string('created_at', 24).notNullable();
    t.string('updated_at', 24).notNullable();
    t.string('decided_at', 24).nullable();
    t.index(['from_org_id', 'created_at']);
    t.index(['to_org_id', 'created_at']);
    t.index(['person_id']);
    t.index(['instance_id']);
  });
  await knex.schema.alterTable('record_keys', (t) => {
    t.index(['entity', 'name', 'value'], 'record_keys_entity_name_value_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('record_keys', (t) => {
    t.dropIndex(['entity', 'name', 'value'], 'record_keys_entity_name_value_index');
  });
  await knex.schema.dropTableIfExists('transfers');
}
