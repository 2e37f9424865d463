import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/index.js';
import { migrationSource } from '../../db/migrations/index.js';
import { testDatabases } from '../../testing/index.js';

describe.each(testDatabases())('migration 0012_files_attached (%s)', (_name, makeDatabase) => {
  it('counts every file uploaded before it as attached, so the sweep never removes what existed', async () => {
    const database = await makeDatabase();
    const db = openDatabase(database.config);
    try {
      const migrations = { tableName: 'knex_migrations', migrationSource };
      while (await db.knex.migrate.currentVersion(migrations) !== '0011') await db.knex.migrate.up(migrations);
      const at = '2026-01-01T00:00:00.000Z';
      await db.knex('orgs').insert({ id: 'org-1', name: '江岸区人民医院', level: 'institution', path: '/org-1/', created_at: at });
      await db.knex('files').insert({ id: 'file-1', org_id: 'org-1', filename: '照片.png', media_type: 'image/png', size: 1, sha256: 'x',
        storage_key: '0123456789abcdef', created_at: at });
      await db.migrateLatest();
      expect(Boolean((await db.knex('files').where({ id: 'file-1' }).first('attached')).attached)).toBe(true);
      await db.knex('files').insert({ id: 'file-2', org_id: 'org-1', filename: '新.png', media_type: 'image/png', size: 1, sha256: 'x',
        storage_key: 'fedcba9876543210', created_at: at });
      expect(Boolean((await db.knex('files').where({ id: 'file-2' }).first('attached')).attached)).toBe(false);
    } finally {
      await db.destroy();
      await database.dispose();
    }
  });
});
