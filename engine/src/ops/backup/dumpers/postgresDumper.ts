import path from 'node:path';
import type { Knex } from 'knex';
import type { DatabaseConfig } from '../../../config/index.js';
import { openDatabase } from '../../../db/index.js';
import { BackupError } from '../BackupError.js';
import { readSnapshot } from '../snapshot.js';
import type { Manifest } from '../manifest.js';
import type { DatabaseDumper } from './DatabaseDumper.js';
import { restoreInOneTransaction, runPgTool } from './pgTools.js';

const DUMP_FILE = 'database.pgdump';

type PgConfig = Extract<DatabaseConfig, { client: 'postgres' }>;

function pgConfigOf(config: DatabaseConfig): PgConfig {
  if (config.client !== 'postgres') throw new Error('postgres dumper needs a postgres config');
  return config;
}

async function withKnex<T>(config: DatabaseConfig, work: (knex: Knex, connection: Knex.PgConnectionConfig) => Promise<T>): Promise<T> {
  const db = openDatabase(config);
  try {
    return await work(db.knex, db.dialect.knexConfig(config).connection as Knex.PgConnectionConfig);
  } finally {
    await db.destroy();
  }
}

/**
 * The schemas a `--schema` backup holds: the engine's own and the job queue's (pg-boss keeps its
 * tables in `<schema>_jobs` when the engine runs in a schema of its own). Null: the whole database
 * (which includes pg-boss's `pgboss` schema).
 */
async function schemasToDump(knex: Knex, config: PgConfig): Promise<string[] | null> {
  if (!config.searchPath) return null;
  const candidates = [config.searchPath, `${config.searchPath}_jobs`];
  const found = await knex('pg_namespace').whereIn('nspname', candidates).pluck('nspname') as string[];
  if (!found.includes(config.searchPath)) {
    throw new BackupError(`Schema "${config.searchPath}" does not exist in database ${config.url.replace(/\/\/[^@/]*@/, '//')}. Check --schema.`);
  }
  return candidates.filter((schema) => found.includes(schema));
}

/** Tables (partitioned parents, not their partitions) as `schema.table`, in the given schemas or all but the system ones. */
async function tablesIn(knex: Knex | Knex.Transaction, schemas: string[] | null): Promise<string[]> {
  const query = knex('pg_class as c').join('pg_namespace as n', 'n.oid', 'c.relnamespace')
    .whereIn('c.relkind', ['r', 'p']).andWhere('c.relispartition', false)
    .select({ schema: 'n.nspname', name: 'c.relname' }).orderBy(['n.nspname', 'c.relname']);
  if (schemas) query.whereIn('n.nspname', schemas);
  else query.whereNotIn('n.nspname', ['information_schema']).andWhereRaw("n.nspname NOT LIKE 'pg\\_%'");
  return (await query as Array<{ schema: string; name: string }>).map((row) => `${row.schema}.${row.name}`);
}

/**
 * PostgreSQL: `pg_dump --format=custom` of the whole database (or of one engine schema and its
 * job-queue schema). The snapshot is exported from a repeatable-read transaction that also reads
 * the row counts and the attachment list, so they describe exactly what pg_dump wrote.
 */
export const postgresDumper: DatabaseDumper = {
  async dump(config, dir) {
    const pg = pgConfigOf(config);
    return withKnex(pg, async (knex, connection) => {
      const schemas = await schemasToDump(knex, pg);
      const trx = await knex.transaction({ isolationLevel: 'repeatable read', readOnly: true });
      try {
        const { rows } = await trx.raw('SELECT pg_export_snapshot() AS id') as { rows: Array<{ id: string }> };
        const args = ['--format=custom', `--snapshot=${rows[0]!.id}`, `--file=${path.join(dir, DUMP_FILE)}`,
          ...(schemas ?? []).map((schema) => `--schema=${schema}`)];
        await runPgTool('pg_dump', args, connection);
        const snapshot = await readSnapshot(trx, await tablesIn(trx, schemas));
        await trx.commit();
        return { database: { client: 'postgres' as const, dumpFile: DUMP_FILE, schemas }, snapshot };
      } catch (error) {
        await trx.rollback();
        throw error;
      }
    });
  },

  assertCompatible(config, manifest) {
    const target = pgConfigOf(config).searchPath ?? null;
    const dumped = manifest.database.schemas?.[0] ?? null;
    // The restore drops the schemas the manifest names: only the engine's and its job queue's are believed.
    if (manifest.database.schemas?.some((schema) => schema !== dumped && schema !== `${dumped}_jobs`)) {
      throw new BackupError(`The manifest names unexpected schemas (${manifest.database.schemas.join(', ')}); refusing this backup.`);
    }
    if (target === dumped) return;
    throw new BackupError(dumped
      ? `This backup holds schema "${dumped}" (made with --schema); it is restored under that name. `
        + `Run the restore with --schema ${dumped}, into a database where that schema is absent or empty.`
      : 'This backup holds a whole database; run the restore without --schema.');
  },

  async existingTables(config, manifest) {
    return withKnex(config, (knex) => tablesIn(knex, manifest.database.schemas));
  },

  /** A whole-database restore needs the database to itself; a schema restore shares it, so it is not checked. */
  async assertNotInUse(config, manifest) {
    if (manifest.database.schemas) return;
    const others = await withKnex(config, async (knex) => {
      const row = await knex('pg_stat_activity').whereRaw('datname = current_database() AND pid <> pg_backend_pid()')
        .andWhere('backend_type', 'client backend').count({ n: '*' }).first();
      return Number(row?.n ?? 0);
    });
    if (others > 0) {
      throw new BackupError(`${others} other session(s) are connected to the target database (engines still running?). `
        + 'Stop every engine that uses it, then run the restore again.');
    }
  },

  async restore(config, dumpPath, manifest, force) {
    await withKnex(config, async (knex, connection) => {
      await restoreInOneTransaction(dumpPath, await preamble(knex, manifest, force), connection);
    });
  },
};

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * SQL run before the dump's, in its transaction: drops the schemas the dump creates (only when
 * empty, unless forced: then with everything in them). A forced whole-database restore empties
 * the whole database, `public` included, which is created again as PostgreSQL makes it.
 */
async function preamble(knex: Knex, manifest: Manifest, force: boolean): Promise<string> {
  const cascade = force ? ' CASCADE' : '';
  if (manifest.database.schemas) return manifest.database.schemas.map((schema) => `DROP SCHEMA IF EXISTS ${quoted(schema)}${cascade};\n`).join('');
  if (!force) {
    const created = new Set(Object.keys(manifest.tables).map((table) => table.split('.')[0]!).filter((schema) => schema !== 'public'));
    return [...created].map((schema) => `DROP SCHEMA IF EXISTS ${quoted(schema)};\n`).join('');
  }
  const existing = await knex('pg_namespace').whereNot('nspname', 'information_schema')
    .andWhereRaw("nspname NOT LIKE 'pg\\_%'").pluck('nspname') as string[];
  return `${existing.map((schema) => `DROP SCHEMA IF EXISTS ${quoted(schema)} CASCADE;\n`).join('')}`
    + 'CREATE SCHEMA public AUTHORIZATION pg_database_owner;\nGRANT USAGE ON SCHEMA public TO PUBLIC;\n';
}
