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

/**
 * How `records.data` is stored (engine/src/records/sensitive): `x-sensitive` values sealed
 * (encrypted) before a write and opened after a read, key rows and exact-search values of sensitive
 * fields as keyed hashes. Plain (identity) until the engine installs its cipher (createEngine).
 */
export interface RecordDataCodec {
  seal(entity: string, data: Record<string, unknown>): Record<string, unknown>;
  open(entity: string, data: Record<string, unknown>): Record<string, unknown>;
  /** A key row's stored value; `key` names the entity's declared key. */
  keyValue(entity: string, key: { name: string; fields: readonly string[] }, values: unknown[]): string;
  /** The stored search value of one field's exact value; undefined when the field is not sensitive. */
  searchValue(entity: string, field: string, value: unknown): string | undefined;
}

export const plainRecordData: RecordDataCodec = {
  seal: (_entity, data) => data,
  open: (_entity, data) => data,
  keyValue: (_entity, _key, values) => JSON.stringify(values),
  searchValue: () => undefined,
};

export interface Database {
  /** The main pool: every write, and reads that must see the writer's open transaction. */
  knex: Knex;
  /** Reads on hot paths (sessions, lists, records). The main pool where the database has no separate reader. */
  reader: Knex;
  dialect: Dialect;
  models: Models;
  /** `records.data` as stored: see RecordDataCodec. */
  recordData: RecordDataCodec;
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
    recordData: plainRecordData,
    migrateLatest: async () => { await knex.migrate.latest(migrations); },
    rollbackAll: async () => { await knex.migrate.rollback(migrations, true); },
    destroy: async () => {
      if (reader !== knex) await reader.destroy();
      await knex.destroy();
    },
  };
}
