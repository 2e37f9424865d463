import type Database from 'better-sqlite3';
// knex's own better-sqlite3 client; we extend it rather than patch it.
import BetterSqlite3Client from 'knex/lib/dialects/better-sqlite3/index.js';
import { applySqlitePragmas } from './sqlitePragmas.js';

const STATEMENT_CACHE_SIZE = 500;

/**
 * knex prepares every statement anew (~40 µs each, a dozen per request). This client keeps each
 * connection's prepared statements by SQL text (LRU-bounded) and applies our pragmas to every new
 * connection. Query builders produce the same SQL text for the same shape, so hits are the rule.
 */
export class CachingBetterSqlite3Client extends BetterSqlite3Client {
  override async acquireRawConnection(): Promise<Database.Database> {
    const connection = await super.acquireRawConnection();
    applySqlitePragmas(connection);
    const prepare = connection.prepare.bind(connection);
    const cache = new Map<string, Database.Statement>();
    connection.prepare = ((sql: string) => {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    }) as Database.Database['prepare'];
    return connection;
  }
}
