import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type Database from 'better-sqlite3';
import { errorCode, type Dialect } from './Dialect.js';

/** Applied on every new connection: durability and integrity settings (issue 2, §4). */
export function applySqlitePragmas(connection: Database.Database): void {
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
}

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  likeOperator: 'LIKE',
  knexConfig(config) {
    if (config.client !== 'sqlite') throw new Error('sqlite dialect needs a sqlite config');
    if (config.filename !== ':memory:') fs.mkdirSync(path.dirname(config.filename), { recursive: true });
    const pool: Knex.PoolConfig = {
      min: 1,
      max: 1,
      afterCreate(connection: Database.Database, done: (error: Error | null, connection: unknown) => void) {
        try {
          applySqlitePragmas(connection);
          done(null, connection);
        } catch (error) {
          done(error as Error, connection);
        }
      },
    };
    return { client: 'better-sqlite3', connection: { filename: config.filename }, useNullAsDefault: true, pool };
  },
  jsonText: (column, field) => `json_extract(${column}, '$.${field}')`,
  jsonEquals: (column, field, value) => [`json_extract(${column}, '$.${field}') = ?`, [value]],
  isUniqueViolation: (error) => errorCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' || errorCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY',
  isForeignKeyViolation: (error) => errorCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY',
  parseJson: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
};
