import type { Knex } from 'knex';

/**
 * Issue 5: durable background jobs (imports of more than 100 rows). A row is the job's whole state:
 * its parameters, progress counts and the handler's checkpoint (written in the same transaction as
 * the records a chunk imports), and the claim of the engine process running it (`worker`, renewed
 * `lease_until`), so a job survives a restart and is resumed where its last chunk committed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('jobs', (t) => {
    t.string('id', 36).primary();
    t.string('kind', 32).notNullable();
    t.string('entity', 64).nullable();
    t.string('org_id', 36).notNullable().references('id').inTable('orgs').onDelete('RESTRICT');
    t.string('account_id', 36).notNullable(); // no foreign key: a deleted account's jobs stay readable
    t.string('status', 16).notNullable();
    t.json('params').notNullable();
    t.json('checkpoint').nullable();
    t.integer('total').notNullable().defaultTo(0);
    t.integer('processed').notNullable().defaultTo(0);
    t.integer('imported').notNullable().defaultTo(0);
    t.integer('failed').notNullable().defaultTo(0);
    t.string('report_file', 500).nullable();
    t.text('message').nullable();
    t.string('worker', 64).nullable();
    t.string('lease_until', 24).nullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.string('created_at', 24).notNullable();
    t.string('started_at', 24).nullable();
    t.string('finished_at', 24).nullable();
    t.string('updated_at', 24).notNullable();
    t.index(['status', 'created_at']);
    t.index(['org_id', 'created_at']);
    t.index(['account_id', 'status']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('jobs');
}
