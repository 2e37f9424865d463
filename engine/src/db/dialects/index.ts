import type { DatabaseConfig } from '../../config/index.js';
import type { Dialect } from './Dialect.js';
import { postgresDialect } from './postgresDialect.js';
import { sqliteDialect } from './sqliteDialect.js';

export type { Dialect } from './Dialect.js';
export { applySqlitePragmas } from './sqlitePragmas.js';

const dialects: Record<DatabaseConfig['client'], Dialect> = {
  sqlite: sqliteDialect,
  postgres: postgresDialect,
};

export function dialectFor(config: DatabaseConfig): Dialect {
  return dialects[config.client];
}
