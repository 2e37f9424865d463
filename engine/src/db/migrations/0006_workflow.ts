import type { Knex } from 'knex';

/**
 * Issue 6: the execution state of BPMN processes. An instance pins the definition version it
 * started on; tokens mark where it stands (waiting at a user task, or at a parallel join until
 * every incoming branch has arrived); user tasks carry the assignment resolved against the
 * initiator's organisation; history events record who did what. One step of an instance (a task
 * completed and everything up to the next wait states) commits in one transaction.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('process_instances', (t) => {
    t.string('id', 36).primary();
    t.string('process_key', 64).notNullable();
    t.integer('process_version').notNullable();
    t.string('business_key', 200).nullable();
    t.string('org_id', 36).notNullable().references('id').inTable('orgs').onDelete('RESTRICT');
    t.string('initiator_id', 36).notNullable(); // no foreign key: a deleted account's instances stay readable
    t.boolean('initiator_is_main').notNullable().defaultTo(false);
    t.string('status', 16).notNullable();
    t.json('data').notNullable();
    t.string('created_at', 24).notNullable();
    t.string('updated_at', 24).notNullable();
    t.string('ended_at', 24).nullable();
    t.index(['process_key', 'business_key']);
    t.index(['initiator_id', 'status']);
  });
  await knex.schema.createTable('process_tokens', (t) => {
    t.string('id', 36).primary();
    t.string('instance_id', 36).notNullable().references('id').inTable('process_instances').onDelete('CASCADE');
    t.string('node_id', 100).notNullable();
    /** The sequence flow it arrived by (a parallel join counts distinct incoming flows). */
    t.string('flow_id', 100).nullable();
    t.string('state', 16).notNullable();
    t.string('created_at', 24).notNullable();
    t.index(['instance_id', 'state']);
  });
  await knex.schema.createTable('user_tasks', (t) => {
    t.string('id', 36).primary();
    t.string('instance_id', 36).notNullable().references('id').inTable('process_instances').onDelete('CASCADE');
    t.string('token_id', 36).notNullable();
    t.string('node_id', 100).notNullable();
    t.string('name', 200).notNullable();
    t.string('assignee_role', 16).notNullable();
    t.string('assignee_level', 16).nullable();
    t.string('assignee_permission', 100).nullable();
    t.string('assignee_org_id', 36).nullable();
    t.string('status', 16).notNullable();
    t.string('outcome', 32).nullable();
    t.text('comment').nullable();
    t.string('completed_by', 36).nullable();
    t.string('completed_at', 24).nullable();
    t.string('created_at', 24).notNullable();
    t.index(['assignee_org_id', 'status', 'created_at']);
    t.index(['instance_id', 'status']);
  });
  await knex.schema.createTable('process_history', (t) => {
    t.increments('seq').primary();
    t.string('instance_id', 36).notNullable().references('id').inTable('process_instances').onDelete('CASCADE');
    t.string('at', 24).notNullable();
    t.string('type', 16).notNullable();
    t.string('node_id', 100).nullable();
    t.string('task_id', 36).nullable();
    t.string('account_id', 36).nullable();
    t.string('outcome', 32).nullable();
    t.text('comment').nullable();
    t.index(['instance_id', 'seq']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['process_history', 'user_tasks', 'process_tokens', 'process_instances']) await knex.schema.dropTableIfExists(table);
}
