import type { DatabaseConfig } from '../../../config/index.js';
import type { DatabaseDumper } from './DatabaseDumper.js';
import { postgresDumper } from './postgresDumper.js';
import { sqliteDumper } from './sqliteDumper.js';

export type { DatabaseDumper } from './DatabaseDumper.js';

const dumpers: Record<DatabaseConfig['client'], DatabaseDumper> = {
  sqlite: sqliteDumper,
  postgres: postgresDumper,
};

export function dumperFor(client: DatabaseConfig['client']): DatabaseDumper {
  return dumpers[client];
}
