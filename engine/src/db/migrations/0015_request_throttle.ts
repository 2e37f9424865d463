import type { Knex } from 'knex';

/**
 * Issue 9.4: request counters of the throttle (engine/src/throttle), one row per bucket (rule,
 * address or account) and fixed window, so that every engine process on one database counts
 * together. `expires_at` lets any engine delete windows that ended.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('request_throttle', (t) => {
    t.string('bucket', 200).notNullable();
    t.string('window_start', 24).notNullable();
    t.integer('hits').notNullable();
    t.string('expires_at', 24).notNullable();
    t.primary(['bucket', 'window_start']);
    t.index(['expires_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('request_throttle');
}
