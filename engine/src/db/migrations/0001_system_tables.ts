import type { Knex } from 'knex';

/**
 * System tables (issue 2). Timestamps are ISO-8601 UTC strings (`2026-11-25T18:05:58.123Z`) on both
 * databases: they sort as text, compare as text, and read back identically from SQLite and PostgreSQL.
 */
const ts = (table: Knex.CreateTableBuilder, name: string) => table.string(name, 24);
const id = (table: Knex.CreateTableBuilder, name = 'id') => table.string(name, 36);

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('orgs', (t) => {
    id(t).primary();
    id(t, 'parent_id').nullable().references('id').inTable('orgs').onDelete('RESTRICT');
    t.string('name', 100).notNullable().unique();
    t.string('level', 20).notNullable();
    t.string('path', 800).notNullable().index();
    t.string('code', 32).nullable();
    ts(t, 'created_at').notNullable();
  });

  await knex.schema.createTable('roles', (t) => {
    id(t).primary();
    id(t, 'org_id').nullable().references('id').inTable('orgs').onDelete('RESTRICT');
    t.string('key', 64).notNullable();
    t.string('name', 64).notNullable();
    t.string('level', 20).notNullable();
    t.boolean('builtin').notNullable().defaultTo(false);
    t.json('permissions').notNullable();
    t.string('status', 16).notNullable().defaultTo('active');
    ts(t, 'created_at').notNullable();
    t.unique(['org_id', 'key']);
  });

  await knex.schema.createTable('accounts', (t) => {
    id(t).primary();
    id(t, 'org_id').notNullable().references('id').inTable('orgs').onDelete('RESTRICT');
    t.string('username', 64).notNullable();
    t.string('username_key', 64).notNullable().unique();
    t.string('nickname', 64).notNullable();
    t.string('mobile', 20).nullable();
    t.string('password_hash', 200).notNullable();
    t.boolean('must_change_password').notNullable().defaultTo(true);
    ts(t, 'password_changed_at').nullable();
    t.string('real_name_status', 16).notNullable().defaultTo('none');
    t.boolean('is_main').notNullable().defaultTo(false);
    t.boolean('internet_access').notNullable().defaultTo(true);
    t.string('status', 16).notNullable().defaultTo('active');
    t.integer('failed_attempts').notNullable().defaultTo(0);
    ts(t, 'locked_until').nullable();
    ts(t, 'created_at').notNullable();
    id(t, 'created_by').nullable();
  });

  await knex.schema.createTable('account_roles', (t) => {
    id(t, 'account_id').notNullable().references('id').inTable('accounts').onDelete('CASCADE');
    id(t, 'role_id').notNullable().references('id').inTable('roles').onDelete('RESTRICT');
    t.primary(['account_id', 'role_id']);
  });

  await knex.schema.createTable('password_history', (t) => {
    t.increments('id').primary();
    id(t, 'account_id').notNullable().references('id').inTable('accounts').onDelete('CASCADE');
    t.string('password_hash', 200).notNullable();
    ts(t, 'created_at').notNullable();
    t.index(['account_id']);
  });

  await knex.schema.createTable('sessions', (t) => {
    t.string('id', 64).primary(); // sha256 of the cookie token: a leaked table yields no usable session
    id(t, 'account_id').notNullable().references('id').inTable('accounts').onDelete('CASCADE');
    t.string('csrf_token', 64).notNullable();
    ts(t, 'created_at').notNullable();
    ts(t, 'last_seen_at').notNullable();
    ts(t, 'expires_at').notNullable();
    t.string('ip', 64).nullable();
    t.string('user_agent', 300).nullable();
    t.index(['account_id']);
  });

  await knex.schema.createTable('definitions', (t) => {
    id(t).primary();
    t.string('kind', 16).notNullable();
    t.string('key', 64).notNullable();
    t.integer('version').notNullable();
    t.string('status', 16).notNullable();
    t.integer('schema_version').notNullable();
    t.string('title', 100).notNullable();
    t.json('content').notNullable();
    t.string('checksum', 64).notNullable();
    t.string('source', 16).notNullable();
    t.string('source_path', 300).nullable();
    ts(t, 'created_at').notNullable();
    ts(t, 'published_at').nullable();
    id(t, 'created_by').nullable();
    t.unique(['kind', 'key', 'version']);
    t.index(['kind', 'key', 'status']);
  });

  await knex.schema.createTable('records', (t) => {
    id(t).primary();
    t.string('entity', 64).notNullable();
    id(t, 'org_id').notNullable().references('id').inTable('orgs').onDelete('RESTRICT');
    t.integer('def_version').notNullable();
    t.jsonb('data').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    ts(t, 'created_at').notNullable();
    id(t, 'created_by').nullable();
    ts(t, 'updated_at').notNullable();
    id(t, 'updated_by').nullable();
    t.index(['entity', 'org_id', 'id']);
  });

  await createSideTables(knex);

  await knex.schema.createTable('audit_events', (t) => {
    t.bigIncrements('id').primary();
    ts(t, 'at').notNullable();
    id(t, 'account_id').nullable();
    id(t, 'org_id').nullable();
    t.string('action', 64).notNullable();
    t.string('entity', 64).nullable();
    id(t, 'record_id').nullable();
    t.string('ip', 64).nullable();
    t.string('request_id', 64).nullable();
    t.json('details').nullable();
    t.index(['record_id']);
    t.index(['account_id', 'at']);
  });

  await createDefinitionImmutabilityGuard(knex);
}

/**
 * Key and reference rows of records. Unique keys per owning organisation: `value` is a canonical
 * encoding of the key's field values; a field declared sensitive later stores a keyed hash there,
 * with no change to this table. References: the database itself refuses to delete a referenced record.
 * On SQLite both are WITHOUT ROWID tables (clustered on their primary key: one b-tree less to write).
 */
async function createSideTables(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.schema.createTable('record_keys', (t) => {
      t.string('entity', 64).notNullable();
      id(t, 'org_id').notNullable();
      t.string('name', 64).notNullable();
      t.string('value', 512).notNullable();
      id(t, 'record_id').notNullable().references('id').inTable('records').onDelete('CASCADE');
      t.primary(['entity', 'org_id', 'name', 'value']);
      t.index(['record_id']);
    });
    await knex.schema.createTable('record_refs', (t) => {
      id(t, 'source_id').notNullable().references('id').inTable('records').onDelete('CASCADE');
      t.string('field', 64).notNullable();
      id(t, 'target_id').notNullable().references('id').inTable('records').onDelete('RESTRICT');
      t.string('source_entity', 64).notNullable();
      t.primary(['source_id', 'field']);
      t.index(['target_id', 'source_entity', 'field']);
    });
    return;
  }
  await knex.raw(`CREATE TABLE record_keys (
    entity varchar(64) NOT NULL, org_id varchar(36) NOT NULL, name varchar(64) NOT NULL, value varchar(512) NOT NULL,
    record_id varchar(36) NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    PRIMARY KEY (entity, org_id, name, value)) WITHOUT ROWID`);
  await knex.raw('CREATE INDEX record_keys_record_id_index ON record_keys (record_id)');
  await knex.raw(`CREATE TABLE record_refs (
    source_id varchar(36) NOT NULL REFERENCES records (id) ON DELETE CASCADE, field varchar(64) NOT NULL,
    target_id varchar(36) NOT NULL REFERENCES records (id) ON DELETE RESTRICT, source_entity varchar(64) NOT NULL,
    PRIMARY KEY (source_id, field)) WITHOUT ROWID`);
  await knex.raw('CREATE INDEX record_refs_target_id_source_entity_field_index ON record_refs (target_id, source_entity, field)');
}

/** A published definition's content never changes, whatever code runs against the database. */
async function createDefinitionImmutabilityGuard(knex: Knex): Promise<void> {
  const message = 'published definitions are immutable';
  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION definitions_immutable() RETURNS trigger AS $$
      BEGIN
        IF OLD.status <> 'draft' AND (NEW.content::text <> OLD.content::text OR NEW.version <> OLD.version
            OR NEW.kind <> OLD.kind OR NEW.key <> OLD.key OR NEW.checksum <> OLD.checksum) THEN
          RAISE EXCEPTION '${message}';
        END IF;
        IF TG_OP = 'DELETE' AND OLD.status <> 'draft' THEN RAISE EXCEPTION '${message}'; END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$ LANGUAGE plpgsql`);
    await knex.raw(`CREATE TRIGGER definitions_immutable BEFORE UPDATE OR DELETE ON definitions
      FOR EACH ROW EXECUTE FUNCTION definitions_immutable()`);
    return;
  }
  await knex.raw(`CREATE TRIGGER definitions_immutable_update BEFORE UPDATE ON definitions
    WHEN OLD.status <> 'draft' AND (NEW.content IS NOT OLD.content OR NEW.version IS NOT OLD.version
      OR NEW.kind IS NOT OLD.kind OR NEW.key IS NOT OLD.key OR NEW.checksum IS NOT OLD.checksum)
    BEGIN SELECT RAISE(ABORT, '${message}'); END`);
  await knex.raw(`CREATE TRIGGER definitions_immutable_delete BEFORE DELETE ON definitions
    WHEN OLD.status <> 'draft' BEGIN SELECT RAISE(ABORT, '${message}'); END`);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw('DROP TRIGGER IF EXISTS definitions_immutable ON definitions');
    await knex.raw('DROP FUNCTION IF EXISTS definitions_immutable()');
  }
  for (const table of ['audit_events', 'record_refs', 'record_keys', 'records', 'definitions', 'sessions',
    'password_history', 'account_roles', 'accounts', 'roles', 'orgs']) {
    await knex.schema.dropTableIfExists(table);
  }
}
