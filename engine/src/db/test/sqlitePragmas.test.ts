import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../index.js';

describe('SQLite connection settings', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pragmas-'));
  const db = openDatabase({ client: 'sqlite', filename: path.join(dir, 'p.sqlite') });
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('uses WAL, synchronous=FULL, foreign keys and a busy timeout on every connection', async () => {
    const connection = await db.knex.client.acquireConnection() as Database.Database;
    try {
      expect(connection.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(connection.pragma('synchronous', { simple: true })).toBe(2);
      expect(connection.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(connection.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      await db.knex.client.releaseConnection(connection);
    }
  });
});
