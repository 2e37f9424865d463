import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { errorCode, type Dialect } from './Dialect.js';
import { CachingBetterSqlite3Client } from './sqliteClient.js';

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  likeOperator: 'LIKE',
  knexConfig(config) {
    if (config.client !== 'sqlite') throw new Error('sqlite dialect needs a sqlite config');
    if (config.filename !== ':memory:') fs.mkdirSync(path.dirname(config.filename), { recursive: true });
    // One connection: SQLite serialises writers anyway, and one connection never waits on busy locks.
    const pool: Knex.PoolConfig = { min: 1, max: 1 };
    return { client: CachingBetterSqlite3Client as unknown as Knex.Config['client'], connection: { filename: config.filename },
      useNullAsDefault: true, pool };
  },
  readerConfig(config) {
    if (config.client !== 'sqlite' || config.filename === ':memory:') return undefined;
    return { client: CachingBetterSqlite3Client as unknown as Knex.Config['client'],
      connection: { filename: config.filename, options: { readonly: true } }, useNullAsDefault: true, pool: { min: 0, max: 1 } };
  },
  jsonText: (column, field) => `json_extract(${column}, '$.${field}')`,
  jsonEquals: (column, field, value) => [`json_extract(${column}, '$.${field}') = ?`, [value]],
  isUniqueViolation: (error) => errorCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' || errorCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY',
  isForeignKeyViolation: (error) => errorCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY',
  parseJson: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
};
