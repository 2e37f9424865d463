import type { Knex } from 'knex';
import * as m0001 from './0001_system_tables.js';
import * as m0002 from './0002_accounts_and_roles.js';
import * as m0003 from './0003_files.js';
import * as m0004 from './0004_location_requests.js';
import * as m0005 from './0005_jobs.js';
import * as m0006 from './0006_workflow.js';
import * as m0007 from './0007_real_name.js';
import * as m0008 from './0008_change_requests.js';
import * as m0009 from './0009_pre_registration.js';
import * as m0010 from './0010_transfers.js';
import * as m0011 from './0011_definition_drafts.js';
import * as m0012 from './0012_files_attached.js';
import * as m0014 from './0014_sealed_columns.js';
import * as m0015 from './0015_request_throttle.js';
import * as m0016 from './0016_audit_append_only.js';
import * as m0017 from './0017_two_factor.js';

interface Migration { up(knex: Knex): Promise<void>; down(knex: Knex): Promise<void> }

/** Migrations are imported statically so they run the same under tsx, vitest and a bundler. */
const migrations: Record<string, Migration> = {
  '0001_system_tables': m0001,
  '0002_accounts_and_roles': m0002,
  '0003_files': m0003,
  '0004_location_requests': m0004,
  '0005_jobs': m0005,
  '0006_workflow': m0006,
  '0007_real_name': m0007,
  '0008_change_requests': m0008,
  '0009_pre_registration': m0009,
  '0010_transfers': m0010,
  '0011_definition_drafts': m0011,
  '0012_files_attached': m0012,
  '0014_sealed_columns': m0014,
  '0015_request_throttle': m0015,
  '0016_audit_append_only': m0016,
  '0017_two_factor': m0017,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`Unknown migration ${name}`);
    return migration;
  },
};
