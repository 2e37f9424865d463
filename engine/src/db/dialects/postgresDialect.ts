import type { Knex } from 'knex';
import pg from 'pg';
import { errorCode, type Dialect } from './Dialect.js';

// Return int8 (count(*)) as a JS number: our counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number.parseInt(value, 10));

export const postgresDialect: Dialect = {
  name: 'postgres',
  likeOperator: 'ILIKE',
  knexConfig(config) {
    if (config.client !== 'postgres') throw new Error('postgres dialect needs a postgres config');
    const url = new URL(config.url);
    const connection: Knex.PgConnectionConfig = {
      host: url.hostname || '127.0.0.1',
      port: url.port ? Number(url.port) : 5432,
      // USER may be unset in CI; default the role explicitly.
      user: decodeURIComponent(url.username) || process.env.PGUSER || 'postgres',
      password: decodeURIComponent(url.password) || process.env.PGPASSWORD || undefined,
      database: decodeURIComponent(url.pathname.slice(1)) || 'postgres',
    };
    return {
      client: 'pg',
      connection,
      pool: { min: 0, max: 10 },
      ...(config.searchPath ? { searchPath: [config.searchPath] } : {}),
    };
  },
  readerConfig: () => undefined,
  jsonText: (column, field) => `(${column} ->> '${field}')`,
  jsonEquals: (column, field, value) => [`(${column} ->> '${field}') = ?`, [String(value)]],
  isUniqueViolation: (error) => errorCode(error) === '23505',
  isForeignKeyViolation: (error) => errorCode(error) === '23503',
  parseJson: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
};
