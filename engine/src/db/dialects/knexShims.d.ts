declare module 'knex/lib/dialects/better-sqlite3/index.js' {
  import type Database from 'better-sqlite3';
  import type { Knex } from 'knex';

  /** knex's better-sqlite3 client class (untyped deep import). */
  export default class BetterSqlite3Client {
    constructor(config: Knex.Config);
    acquireRawConnection(): Promise<Database.Database>;
  }
}
