import type { Knex } from 'knex';

/**
 * Issue 9 point 6: two-factor login (TOTP, RFC 6238). `accounts.two_factor_enabled_at` marks an
 * enrolled account (read with the session's identity); `two_factor` holds the secret encrypted
 * (engine/src/privacy, never in plain text), whether enrolment is confirmed, and the last time step
 * used (a code is accepted once). Recovery codes are argon2id hashes, each used once. A challenge is
 * the short-lived state between a correct password and the code; its id is the SHA-256 of the
 * cookie token, as for sessions.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('accounts', (t) => {
    t.string('two_factor_enabled_at', 24).nullable();
  });
  await knex.schema.createTable('two_factor', (t) => {
    t.string('account_id', 36).primary().references('id').inTable('accounts').onDelete('CASCADE');
    t.text('secret').notNullable();
    t.string('status', 16).notNullable();
    t.integer('last_step').nullable();
    t.string('created_at', 24).notNullable();
    t.string('confirmed_at', 24).nullable();
  });
  await knex.schema.createTable('two_factor_recovery_codes', (t) => {
    t.string('id', 36).primary();
    t.string('account_id', 36).notNullable().references('id').inTable('accounts').onDelete('CASCADE');
    t.string('code_hash', 200).notNullable();
    t.string('used_at', 24).nullable();
    t.index(['account_id'], 'two_factor_recovery_codes_account_idx');
  });
  await knex.schema.createTable('two_factor_challenges', (t) => {
    t.string('id', 64).primary();
    t.string('account_id', 36).notNullable().references('id').inTable('accounts').onDelete('CASCADE');
    t.string('expires_at', 24).notNullable();
    t.index(['expires_at'], 'two_factor_challenges_expires_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('two_factor_challenges');
  await knex.schema.dropTableIfExists('two_factor_recovery_codes');
  await knex.schema.dropTableIfExists('two_factor');
  await knex.schema.alterTable('accounts', (t) => {
    t.dropColumn('two_factor_enabled_at');
  });
}
