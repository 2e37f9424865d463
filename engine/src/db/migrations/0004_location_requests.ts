import type { Knex } from 'knex';

/**
 * Issue 4: a phone hands the institution's location to the desktop form (机构信息, QR code). Only
 * the token's SHA-256 is stored: the token itself is the phone's one-time credential.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('location_requests', (t) => {
    t.string('token_hash', 64).primary();
    t.string('org_id', 36).notNullable().references('id').inTable('orgs').onDelete('CASCADE');
    t.string('account_id', 36).notNullable();
    t.string('created_at', 24).notNullable();
    t.string('expires_at', 24).notNullable();
    t.double('longitude').nullable();
    t.double('latitude').nullable();
    t.double('accuracy').nullable();
    t.string('received_at', 24).nullable();
    t.index(['expires_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('location_requests');
}
