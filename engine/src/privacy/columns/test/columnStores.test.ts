import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, testDatabases, type HttpClient, type TestDatabase, type TestEngine } from '../../../testing/index.js';
import { applyFor, staffMember } from '../../../transfers/test/transferFixture.js';
import { encryptedStores, FieldCipher, type Keyring } from '../../index.js';

const STORES = ['transfers', 'pre_registration_items', 'real_name_applications', 'change_requests', 'process_instances'];
const key = () => randomBytes(32);
const keyring = (entries: Array<[string, Buffer]>, indexKey: Buffer): Keyring => ({ activeId: entries[0]![0], keys: new Map(entries), indexKey });

/** Runs the rotation of the stores outside `records` (what `rotate-keys` does for them). */
async function rotate(engine: TestEngine, cipher: FieldCipher): Promise<number> {
  let rewritten = 0;
  for (const store of encryptedStores().filter((s) => STORES.includes(s.name))) rewritten += await store.rotate(engine.engine.db.knex, cipher);
  return rewritten;
}

/**
 * The encrypted columns outside `records`: rows from before encryption (plain, no blind index) are
 * encrypted and indexed by the rotation, values under an old key are rewritten under the new one,
 * a second run finds nothing, and an engine holding only the new key reads and finds everything.
 */
describe.each(testDatabases())('encrypted columns: legacy rows and key rotation (%s)', (_name, makeDatabase) => {
  const [k1, k2, indexKey] = [key(), key(), key()];
  let database: TestDatabase;
  let engine: TestEngine;
  let transfer: { id: string; instanceId: string };
  let idNumber: string;

  beforeAll(async () => {
    database = await makeDatabase();
    engine = await startTestEngine(database, { keyring: keyring([['k1', k1]], indexKey) });
    const [renmin, zhongxin] = [engine.client(), engine.client()];
    await Promise.all([renmin.firstLogin('jarmyy001'), zhongxin.firstLogin('jazxyy001')]);
    const person = await staffMember(renmin, '冯十', '391', '110420100000000000000077');
    idNumber = person.idNumber;
    transfer = await applyFor(zhongxin, person);
  });
  afterAll(async () => {
    await engine.close();
    await database.dispose();
  });

  const raw = () => engine.engine.db.knex('transfers').where('id', transfer.id).first('id_number', 'id_number_bi');
  const search = (client: HttpClient) => client.get(`/api/transfers/in?q=${idNumber}`);

  it('stores the ID number encrypted under the active key, with a blind index', async () => {
    const row = await raw();
    expect(row.id_number).toMatch(/^enc1:k1:/);
    expect(row.id_number_bi).toEqual(expect.any(String));
    expect(await rotate(engine, new FieldCipher(keyring([['k1', k1]], indexKey)))).toBe(0);
  });

  it('encrypts rows written before encryption, which stay readable until then', async () => {
    const { knex } = engine.engine.db;
    await knex('transfers').where('id', transfer.id).update({ id_number: idNumber, id_number_bi: null });
    const stored = await knex('process_instances').where('id', transfer.instanceId).first('data');
    expect(JSON.stringify(stored.data)).not.toContain('冯十');
    const { data } = (await engine.engine.workflow.repository.getInstance(transfer.instanceId))!;
    expect(data).toMatchObject({ personName: '冯十' });
    await knex('process_instances').where('id', transfer.instanceId).update({ data: JSON.stringify(data) });
    const zhongxin = engine.client();
    await zhongxin.login('jazxyy001', 'Hosp#2024!x');
    expect((await zhongxin.get(`/api/transfers/${transfer.id}`)).body.transfer.idNumber).toBe(idNumber);
    expect((await search(zhongxin)).body.total).toBe(0);
    expect(await rotate(engine, new FieldCipher(keyring([['k1', k1]], indexKey)))).toBeGreaterThanOrEqual(2);
    expect((await raw()).id_number).toMatch(/^enc1:k1:/);
    expect(JSON.stringify((await knex('process_instances').where('id', transfer.instanceId).first('data')).data)).not.toContain('冯十');
    expect((await search(zhongxin)).body.total).toBe(1);
  });

  it('rewrites every value under the new key; an engine with only the new key reads and finds them', async () => {
    const rotated = new FieldCipher(keyring([['k2', k2], ['k1', k1]], indexKey));
    expect(await rotate(engine, rotated)).toBeGreaterThanOrEqual(2);
    expect(await rotate(engine, rotated)).toBe(0);
    expect(rotated.decrypt((await raw()).id_number, 'transfers.idNumber')).toBe(idNumber);
    await engine.close();
    engine = await startTestEngine(database, { keyring: keyring([['k2', k2]], indexKey) });
    const zhongxin = engine.client();
    await zhongxin.login('jazxyy001', 'Hosp#2024!x');
    expect((await zhongxin.get(`/api/transfers/${transfer.id}`)).body.transfer).toMatchObject({ idNumber, personName: '冯十' });
    expect((await search(zhongxin)).body.total).toBe(1);
  });
});
