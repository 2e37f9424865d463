import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite from 'better-sqlite3';
import { createEngine } from '../src/app/index.js';
import { loadConfig } from '../src/config/index.js';
import { applySqlitePragmas } from '../src/db/dialects/index.js';
import { newId } from '../src/ids/index.js';
import { createLogger } from '../src/log/index.js';
import { benchPerson } from './people.js';

export interface Figure { label: string; opsPerSecond: number }

/**
 * (a) Single creates through the records service vs raw autocommit INSERTs of the same JSON at the
 * same pragmas, in alternating rounds so that the disk's changing fsync speed hits both alike.
 */
export async function recordsVsRaw(count: number, rounds = 5): Promise<{ service: Figure; raw: Figure }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-a-'));
  const engine = await createEngine({ ...loadConfig({ DATA_DIR: dir }), staticDirs: {} }, { logger: createLogger('silent') });
  const raw = new BetterSqlite(path.join(dir, 'raw.sqlite'));
  try {
    const account = await engine.db.models.Account.query().findOne({ username_key: 'jarmyy001' });
    const actor = await engine.auth.actorForAccount(account!.id);
    const department = (await engine.records.list(actor, 'department', { pageSize: '1' })).items[0]!.id;
    const people = Array.from({ length: count }, (_, i) => benchPerson(i, department));
    applySqlitePragmas(raw);
    raw.exec('CREATE TABLE records (id TEXT PRIMARY KEY, entity TEXT, org_id TEXT, data TEXT)');
    const insert = raw.prepare('INSERT INTO records (id, entity, org_id, data) VALUES (?, ?, ?, ?)');
    const time = { service: 0, raw: 0 };
    const perRound = Math.ceil(count / rounds);
    for (let r = 0; r < rounds; r += 1) {
      const slice = people.slice(r * perRound, (r + 1) * perRound);
      const runService = async () => {
        const started = performance.now();
        for (const person of slice) await engine.records.create(actor, 'person', person);
        time.service += performance.now() - started;
      };
      const runRaw = () => {
        const started = performance.now();
        for (const person of slice) insert.run(newId(), 'person', actor.orgId, JSON.stringify(person));
        time.raw += performance.now() - started;
      };
      if (r % 2 === 0) { await runService(); runRaw(); } else { runRaw(); await runService(); }
    }
    return {
      service: { label: 'records service create (person, keys, refs, audit)', opsPerSecond: count / (time.service / 1000) },
      raw: { label: 'raw better-sqlite3 autocommit INSERT', opsPerSecond: count / (time.raw / 1000) },
    };
  } finally {
    raw.close();
    await engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
