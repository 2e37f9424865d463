import type { Knex } from 'knex';

/**
 * Issue 3: role fields of, account subsystems, and the login throttle that carries lockout
 * state per username (known or not, so unknown usernames behave exactly like wrong passwords).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('roles', (t) => {
    t.string('type', 32).nullable();
    t.integer('sort_order').nullable();
    t.string('parent_role_id', 36).nullable().references('id').inTable('roles').onDelete('RESTRICT');
    t.string('description', 200).nullable();
    t.string('created_by', 36).nullable();
  });
  await knex.schema.alterTable('accounts', (t) => {
    t.json('subsystems').nullable();
  });
  await knex.schema.createTable('login_throttle', (t) => {
    t.string('username_key', 64).primary();
    t.integer('failed_attempts').notNullable().defaultTo(0);
    t.string('locked_until', 24).nullable();
    t.integer('attempts_in_flight').notNullable().defaultTo(0);
    t.string('in_flight_until', 24).nullable();
    t.string('last_failure_at', 24).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('login_throttle');
  await knex.schema.alterTable('accounts', (t) => {
    t.dropColumn('subsystems');
  });
  await knex.schema.alterTable('roles', (t) => {
    t.dropForeign(['parent_role_id']);
  });
  await knex.schema.alterTable('roles', (t) => {
    t.dropColumns('type', 'sort_order', 'parent_role_id', 'description', 'created_by');
  });
}
