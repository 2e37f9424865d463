import type { Knex } from 'knex';

const MESSAGE = 'audit_events is append-only';

/**
 * The audit log is append-only in the database itself (issue 9.5, MLPS 8.1.4): UPDATE and TRUNCATE
 * are refused, and DELETE is refused unless the row is older than the horizon in `audit_retention`.
 * That horizon is NULL except inside the retention job's transaction (audit/retention), which sets
 * it, deletes one batch and clears it again before committing, so no other writer ever sees it set.
 * An index on `at` serves the retention job and the log's time filter.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_retention', (t) => {
    t.integer('id').primary();
    t.string('horizon', 24).nullable();
  });
  await knex('audit_retention').insert({ id: 1, horizon: null });
  await knex.schema.alterTable('audit_events', (t) => { t.index(['at']); });
  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.at < (SELECT horizon FROM audit_retention WHERE id = 1) THEN RETURN OLD; END IF;
        END IF;
        RAISE EXCEPTION '${MESSAGE}';
      END $$ LANGUAGE plpgsql`);
    await knex.raw(`CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await knex.raw(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
    return;
  }
  await knex.raw(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`);
  await knex.raw(`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    WHEN NOT (OLD.at < coalesce((SELECT horizon FROM audit_retention WHERE id = 1), ''))
    BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw('DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events');
    await knex.raw('DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events');
    await knex.raw('DROP FUNCTION IF EXISTS audit_events_append_only()');
  } else {
    await knex.raw('DROP TRIGGER IF EXISTS audit_events_no_update');
    await knex.raw('DROP TRIGGER IF EXISTS audit_events_no_delete');
  }
  await knex.schema.alterTable('audit_events', (t) => { t.dropIndex(['at']); });
  await knex.schema.dropTableIfExists('audit_retention');
}
