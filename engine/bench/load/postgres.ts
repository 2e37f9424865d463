import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of this run on the benchmark's PostgreSQL server, and how to drop it. */
export interface BenchDatabase {
  name: string;
  url: string;
  /** Server processes serving connections to this database now (for their CPU time). */
  backendPids(): Promise<number[]>;
  drop(): Promise<void>;
}

/** The server the load figures run on: BENCH_DATABASE_URL (any database on it) or the local one. */
export const serverUrl = (): string => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh database per run (created here, dropped by `drop`), so that figures never depend on what
 * an earlier run left. Throws an operator-readable error when no server answers.
 */
export async function freshDatabase(server = serverUrl()): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: server, user: new URL(server).username || 'postgres', connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`load bench: no PostgreSQL server at ${new URL(server).host} (${String(error)}); `
      + 'start one or set BENCH_DATABASE_URL=postgres://user@host:port/db');
  }
  const name = `bench_load_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    backendPids: async () => (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]))
      .rows.map((r) => r.pid),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
