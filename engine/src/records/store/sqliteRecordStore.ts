import type BetterSqlite from 'better-sqlite3';
import type { Database } from '../../db/index.js';
import type { RecordStore, RecordWriter } from './RecordWriter.js';
import { sqliteWriter } from './sqliteWriter.js';

type Connection = BetterSqlite.Database;
type Pool = { acquireConnection(): Promise<Connection>; releaseConnection(c: Connection): Promise<void> };

interface Pending {
  work: (writer: RecordWriter) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Record writes on SQLite's own connection (knex's only one, so nothing else runs meanwhile), with
 * group commit: writes that arrive while a commit is under way are run together in the next
 * transaction, each inside its own SAVEPOINT (a failing write rolls back alone), then one COMMIT —
 * one fsync — for all. Every caller hears back only after its COMMIT, so durability is unchanged;
 * an idle engine commits each write on its own as before.
 */
export function sqliteRecordStore(db: Database): RecordStore {
  const pool = db.knex.client as Pool;
  let queue: Pending[] = [];
  let draining = false;

  /** Runs one write inside the open transaction; a savepoint isolates it from the others of its batch. */
  async function runOne(connection: Connection, writer: RecordWriter, pending: Pending, isolated: boolean) {
    if (!isolated) return pending.work(writer);
    connection.prepare('SAVEPOINT write').run();
    try {
      const value = await pending.work(writer);
      connection.prepare('RELEASE write').run();
      return value;
    } catch (error) {
      connection.prepare('ROLLBACK TO write').run();
      connection.prepare('RELEASE write').run();
      throw error;
    }
  }

  async function runBatch(connection: Connection, batch: Pending[]): Promise<void> {
    const writer = sqliteWriter(connection, db);
    const outcomes: Array<() => void> = [];
    connection.prepare('BEGIN IMMEDIATE').run();
    try {
      for (const pending of batch) {
        try {
          const value = await runOne(connection, writer, pending, batch.length > 1);
          outcomes.push(() => pending.resolve(value));
        } catch (error) {
          if (batch.length === 1) throw error;
          outcomes.push(() => pending.reject(error));
        }
      }
      connection.prepare('COMMIT').run();
      for (const settle of outcomes) settle();
    } catch (error) {
      if (connection.inTransaction) connection.prepare('ROLLBACK').run();
      for (const { reject } of batch) reject(error);
    }
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (queue.length > 0) {
        // Let requests already received reach their write first: they join this batch.
        await new Promise<void>((resolve) => { setImmediate(resolve); });
        const batch = queue;
        queue = [];
        let connection: Connection;
        try {
          connection = await pool.acquireConnection();
        } catch (error) {
          for (const { reject } of batch) reject(error);
          continue;
        }
        try {
          await runBatch(connection, batch);
        } finally {
          await pool.releaseConnection(connection);
        }
      }
    } finally {
      draining = false;
    }
  }

  return {
    write<T>(work: (writer: RecordWriter) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!draining) void drain();
      });
    },
  };
}
