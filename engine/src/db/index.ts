import knexPkg, { type Knex } from 'knex';
import type { DatabaseConfig } from '../config/index.js';
import { dialectFor, type Dialect } from './dialects/index.js';
import { migrationSource } from './migrations/index.js';
import { bindModels, type Models } from './models/index.js';

const { knex: createKnex } = knexPkg;

export type { Dialect } from './dialects/index.js';
export * from './models/index.js';
/** The engine's migrations (backup and restore name the newest one a database has). */
export { migrationSource } from './migrations/index.js';

export interface Database {
  /** The main pool: every write, and reads that must see the writer's open transaction. */
  knex: Knex;
  /** Reads on hot paths (sessions, lists, records). The main pool where the database has no separate reader. */
  reader: Knex;
  dialect: Dialect;
  models: Models;
  migrateLatest(): Promise<void>;
  rollbackAll(): Promise<void>;
  destroy(): Promise<void>;
}

export function openDatabase(config: DatabaseConfig): Database {
  const dialect = dialectFor(config);
  const knex = createKnex(dialect.knexConfig(config));
  const readerConfig = dialect.readerConfig(config);
  const reader = readerConfig ? createKnex(readerConfig) : knex;
  const migrations = { migrationSource, tableName: 'knex_migrations' };
  return {
    knex,
    reader,
    dialect,
    models: bindModels(knex),
    migrateLatest: async () => { await knex.migrate.latest(migrations); },
    rollbackAll: async () => { await knex.migrate.rollback(migrations, true); },
    destroy: async () => {
      if (reader !== knex) await reader.destroy();
      await knex.destroy();
    },
  };
}
