import type { Knex } from 'knex';
import type { DatabaseConfig } from '../../config/index.js';

/** What differs between the supported databases; everything else is plain knex. */
export interface Dialect {
  readonly name: DatabaseConfig['client'];
  knexConfig(config: DatabaseConfig): Knex.Config;
  /**
   * A separate pool for reads, or undefined to read through the main pool. SQLite: one read-only
   * connection, so that reads never queue behind the single writer connection (WAL lets them run).
   */
  readerConfig(config: DatabaseConfig): Knex.Config | undefined;
  /** SQL text of a top-level JSON field as text, for filters and search (`field` is a validated identifier). */
  jsonText(column: string, field: string): string;
  /** SQL and binding comparing a top-level JSON field with a string or number. */
  jsonEquals(column: string, field: string, value: string | number): [string, Array<string | number>];
  /** Case-insensitive LIKE operator. */
  readonly likeOperator: string;
  isUniqueViolation(error: unknown): boolean;
  isForeignKeyViolation(error: unknown): boolean;
  /** Parses a JSON column value as the driver returns it. */
  parseJson(value: unknown): unknown;
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
