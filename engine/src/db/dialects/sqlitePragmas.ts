import type Database from 'better-sqlite3';

/** Applied on every new connection: durability and integrity settings (issue 2, §4). */
export function applySqlitePragmas(connection: Database.Database): void {
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
}
