import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexPkg from 'knex';
import { describe, expect, it } from 'vitest';
import { CHILD_ENGINE_TEST_TIMEOUT, spawnChildEngine, testDatabases } from '../../testing/index.js';

const { knex: createKnex } = knexPkg;
const script = path.join(import.meta.dirname, 'shutdownChild.ts');
const postgres = testDatabases().find(([name]) => name === 'postgres');

describe.skipIf(!postgres)('engines started at the same moment on one fresh PostgreSQL database', () => {
  it('all start (one migrates, loads the definitions and seeds; the others find it done) and all stop with 0', async () => {
    const database = await postgres![1]();
    const dataDirs = [1, 2, 3].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'engine-start-')));
    const children = dataDirs.map((dir) => spawnChildEngine(script, [JSON.stringify(database.config), dir, '20000']));
    try {
      const exits = children.map((child) => new Promise<number | null>((resolve) => { child.child.once('close', (code) => resolve(code)); }));
      await Promise.all(children.map((child) => child.line(/^LISTENING \d+$/)));
      for (const child of children) child.child.kill('SIGTERM');
      expect(await Promise.all(exits)).toEqual([0, 0, 0]);
      const { url, searchPath } = database.config as { url: string; searchPath: string };
      const check = createKnex({ client: 'pg', connection: { connectionString: url, user: new URL(url).username || 'postgres' }, searchPath: [searchPath] });
      try {
        const rows = await check('accounts').where('username', 'jarmyy001').count({ count: '*' }) as Array<{ count: string | number }>;
        expect(Number(rows[0]?.count)).toBe(1); // seeded once
      } finally {
        await check.destroy();
      }
    } finally {
      await Promise.all(children.map((child) => child.kill()));
      for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
      await database.dispose();
    }
  }, CHILD_ENGINE_TEST_TIMEOUT);
});
