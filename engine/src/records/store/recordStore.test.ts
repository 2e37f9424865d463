import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/index.js';
import { newId } from '../../ids/index.js';
import { testDatabases, type TestDatabase } from '../../testing/index.js';
import type { RecordRow } from '../types.js';
import { recordStoreFor, type RecordStore } from './index.js';

const at = '2026-11-25T10:00:00.000Z';

describe.each(testDatabases())('record store transactions (%s)', (_name, makeDatabase) => {
  let database: TestDatabase;
  let db: Database;
  let store: RecordStore;
  let orgId: string;

  beforeEach(async () => {
    database = await makeDatabase();
    db = openDatabase(database.config);
    await db.migrateLatest();
    orgId = newId();
    await db.knex('orgs').insert({ id: orgId, name: '测试医院', level: 'institution', path: `/${orgId}/`, created_at: at });
    store = recordStoreFor(db);
  });
  afterEach(async () => {
    await db.destroy();
    await database.dispose();
  });

  const row = (name: string): RecordRow => ({ id: newId(), entity: 'post', orgId, defVersion: 1, version: 1, data: { name } });
  const names = async () => (await db.knex('records').orderBy('id').select('data')).map((r: { data: unknown }) =>
    (db.dialect.parseJson(r.data) as { name: string }).name);

  it('keeps nothing of a write that fails half-way, and everything of the writes beside it', async () => {
    const good = row('保留一');
    const bad = row('回滚');
    const results = await Promise.allSettled([
      store.write(async (w) => { await w.insert(good, at, 'tester'); await w.setKeys(good, [{ name: 'name', value: '["保留一"]' }], true); }),
      store.write(async (w) => {
        await w.insert(bad, at, 'tester');
        await w.setKeys(bad, [{ name: 'name', value: '["回滚"]' }], true);
        await w.audit(undefined, { action: 'record.create', recordId: bad.id }, at);
        throw new Error('boom');
      }),
      store.write(async (w) => { await w.insert(row('保留二'), at, 'tester'); }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await names()).toEqual(['保留一', '保留二']);
    expect(await db.knex('record_keys').count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 1 }]);
    expect(await db.knex('audit_events').where('record_id', bad.id)).toEqual([]);
  });

  it('reports a constraint violation to its own writer only', async () => {
    const first = row('甲');
    const second = row('乙');
    const key = [{ name: 'name', value: '["同名"]' }];
    const results = await Promise.allSettled([
      store.write(async (w) => { await w.insert(first, at, 't'); await w.setKeys(first, key, true); }),
      store.write(async (w) => { await w.insert(second, at, 't'); await w.setKeys(second, key, true); }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(db.dialect.isUniqueViolation((results[1] as PromiseRejectedResult).reason)).toBe(true);
    expect(await names()).toEqual(['甲']);
  });

  it('returns what the work returns, after it is committed', async () => {
    const r = row('丙');
    const value = await store.write(async (w) => { await w.insert(r, at, 't'); return 42; });
    expect(value).toBe(42);
    expect((await db.reader('records').where('id', r.id)).length).toBe(1);
  });
});
