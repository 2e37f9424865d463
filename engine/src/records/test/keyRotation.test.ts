import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeyring, rotateKeys } from '../../privacy/index.js';
import { runRotateCli } from '../../privacy/rotateCli.js';
import { departmentId, personData, residentId, startTestEngine, testDatabases, type TestDatabase, type TestEngine } from '../../testing/index.js';

const key = () => randomBytes(32).toString('base64');
const INDEX = key();
const K1 = `k1:${key()}`;
const K2 = `k2:${key()}`;
const K3 = `k3:${key()}`;

describe.each(testDatabases())('rotation of the data key over records (%s)', (name, makeDatabase) => {
  let database: TestDatabase;
  let engine: TestEngine | undefined;
  const idNumber = residentId('1985-07-21', '462');
  let personId: string;
  let dept: string;

  const start = async (dataKeys: string) => {
    await engine?.close();
    engine = await startTestEngine(database, { keyring: parseKeyring(dataKeys, INDEX) });
    const client = engine.client();
    await client.login('jarmyy001', 'Hosp#2024!x');
    return client;
  };
  const storedIdNumbers = async () => (await engine!.engine.db.knex('records').where('entity', 'person').select('data'))
    .map((r: { data: unknown }) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data).idNumber as string);

  beforeAll(async () => {
    database = await makeDatabase();
    engine = await startTestEngine(database, { keyring: parseKeyring(K1, INDEX) });
    const client = engine.client();
    await client.firstLogin('jarmyy001');
    dept = await departmentId(client, '内科');
    const created = await client.post('/api/data/person', { data: personData({ name: '韩轮', departmentId: dept, idNumber }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    personId = created.body.id;
  });
  afterAll(async () => {
    await engine?.close();
    await database.dispose();
  });

  it('reads values under the old key after a new first key, then rewrites every one under the new key', async () => {
    expect((await storedIdNumbers()).every((v) => v.startsWith('enc1:k1:'))).toBe(true);
    const client = await start(`${K2},${K1}`);
    expect((await client.get(`/api/data/person/${personId}`)).body.data.idNumber).toBe(idNumber);

    const { db, cipher } = engine!.engine;
    const first = await rotateKeys(db.knex, cipher);
    expect(first.records).toBeGreaterThan(0);
    const stored = await storedIdNumbers();
    expect(stored.every((v) => v.startsWith('enc1:k2:'))).toBe(true);
    expect((await rotateKeys(db.knex, cipher)).records).toBe(0); // idempotent: nothing left

    // The old key can go: everything reads under the new one alone; uniqueness and search still hold.
    const after = await start(K2);
    expect((await after.get(`/api/data/person/${personId}`)).body.data.idNumber).toBe(idNumber);
    expect((await after.get(`/api/data/person?q=${idNumber}`)).body.total).toBe(1);
    expect((await after.post('/api/data/person', { data: personData({ name: '韩重', departmentId: dept, idNumber }) })).status).toBe(409);
  });

  it('encrypts at start what an older engine left plain, with keyed key rows', async () => {
    const { db } = engine!.engine;
    const plain = residentId('1983-02-14', '218');
    const client = engine!.client();
    await client.login('jarmyy001', 'Hosp#2024!x');
    const created = await client.post('/api/data/person', { data: personData({ name: '韩旧', departmentId: dept, idNumber: plain }) });
    // As a database from before x-sensitive holds it: the number in clear, the key row as plain JSON.
    await db.knex('records').where('id', created.body.id).update({ data: JSON.stringify({ ...created.body.data, idNumber: plain }) });
    await db.knex('record_keys').where('record_id', created.body.id).update({ value: JSON.stringify(['01', plain]) });

    const restarted = await start(K2);
    const raw = await engine!.engine.db.knex('records').where('id', created.body.id).first('data') as { data: unknown };
    expect(JSON.stringify(raw.data)).not.toContain(plain);
    const keys = await engine!.engine.db.knex('record_keys').where('record_id', created.body.id).pluck('value') as string[];
    expect(keys.join()).not.toContain(plain);
    expect((await restarted.get(`/api/data/person/${created.body.id}`)).body.data.idNumber).toBe(plain);
    expect((await restarted.post('/api/data/person', { data: personData({ name: '韩新', departmentId: dept, idNumber: plain }) })).status).toBe(409);
  });

  // The command as an operator runs it, on the engine's database while the engine runs (a SQLite file path is an address it can take).
  it.runIf(name === 'sqlite')('npm run rotate-keys: rewrites under the first key of DATA_KEYS, then finds nothing', async () => {
    await start(`${K3},${K2}`);
    const config = database.config as { filename: string };
    const env = { DATABASE_URL: `sqlite:${config.filename}`, DATA_DIR: path.dirname(config.filename), DATA_KEYS: `${K3},${K2}`, DATA_INDEX_KEY: INDEX };
    const lines: string[] = [];
    expect(await runRotateCli([], env, (line) => lines.push(line), (line) => lines.push(line))).toBe(0);
    expect(lines.join('\n')).toMatch(/records: [1-9]\d* rows re-encrypted/);
    expect((await storedIdNumbers()).every((v) => v.startsWith('enc1:k3:'))).toBe(true);
    lines.length = 0;
    expect(await runRotateCli([], env, (line) => lines.push(line), (line) => lines.push(line))).toBe(0);
    expect(lines.join('\n')).toMatch(/records: 0 rows re-encrypted/);
    expect(lines.join('\n')).not.toContain(K3.slice(3));
  });
});
