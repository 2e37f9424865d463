import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexPkg from 'knex';
import type { DatabaseConfig } from '../config/index.js';

const { knex: createKnex } = knexPkg;

/** A database for one test: its config and how to throw it away. */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  config: DatabaseConfig;
  dispose(): Promise<void>;
}

type Factory = () => Promise<TestDatabase>;

async function sqlite(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-test-'));
  return {
    name: 'sqlite',
    config: { client: 'sqlite', filename: path.join(dir, 'test.sqlite') },
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh schema in the PostgreSQL database of TEST_DATABASE_URL, dropped afterwards. */
async function postgres(url: string): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = createKnex({ client: 'pg', connection: { connectionString: url, user: new URL(url).username || 'postgres' } });
  await admin.raw(`CREATE SCHEMA ${schema}`);
  await admin.destroy();
  return {
    name: 'postgres',
    config: { client: 'postgres', url, searchPath: schema },
    dispose: async () => {
      const cleanup = createKnex({ client: 'pg', connection: { connectionString: url, user: new URL(url).username || 'postgres' } });
      await cleanup.raw(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.raw(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`); // the job queue's (pg-boss), see jobs/delivery
      await cleanup.destroy();
    },
  };
}

/**
 * The databases the persistence tests run on: SQLite always (unless TEST_SQLITE=0) and PostgreSQL
 * when TEST_DATABASE_URL is set (API.md). Use with `describe.each(testDatabases())`.
 */
export function testDatabases(): Array<[string, Factory]> {
  const list: Array<[string, Factory]> = [];
  if (process.env.TEST_SQLITE !== '0') list.push(['sqlite', sqlite]);
  const url = process.env.TEST_DATABASE_URL;
  if (url) list.push(['postgres', () => postgres(url)]);
  return list;
}

/** A whole PostgreSQL database of its own (the engines run as in production: `public` and pg-boss's `pgboss`). */
export async function freshPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `engines_${randomBytes(5).toString('hex')}`;
  const admin = () => createKnex({ client: 'pg', connection: baseUrl });
  const create = admin();
  await create.raw(`CREATE DATABASE ${name}`);
  await create.destroy();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const drop = admin();
      await drop.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.destroy();
    },
  };
}
