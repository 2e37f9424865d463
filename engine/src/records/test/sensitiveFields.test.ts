import { beforeAll, describe, expect, it } from 'vitest';
import { dataSheet, loadWorkbook, rowsOf } from '../../imports/test/workbooks.js';
import { departmentId, personData, residentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

type View = { id: string; version: number; data: Record<string, unknown> };
const MASK = /^\d{6}\*{8}[\dX]{4}$/;

describe.each(testDatabases())('x-sensitive fields of records: encrypted at rest, masked, revealed and audited (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let main: HttpClient;
  let clerk: HttpClient;
  const idNumber = residentId('1988-03-09', '731');
  let person: View;
  let dept: string;

  const rawData = async (id: string) => {
    const { data } = await ctx.engine.engine.db.knex('records').where('id', id).first('data') as { data: unknown };
    return typeof data === 'string' ? data : JSON.stringify(data);
  };
  /** The `sensitive.reveal` audit rows naming the record, details parsed (JSON text on SQLite, jsonb on PostgreSQL). */
  const reveals = async (recordId: string) => (await ctx.engine.engine.db.knex('audit_events').where('action', 'sensitive.reveal'))
    .map((row: { details: unknown }) => ({ ...row, details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details }))
    .filter((row: { details: { recordIds: string[] } }) => row.details.recordIds.includes(recordId));

  beforeAll(async () => {
    main = ctx.engine.client();
    await main.firstLogin('jarmyy001');
    dept = await departmentId(main, '内科');
    const created = await main.post('/api/data/person', { data: personData({ name: '沈密', idNumber, departmentId: dept }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    person = created.body;
    const role = await main.post('/api/roles', { name: '人员维护', permissions: ['hr.person.view', 'hr.person.update', 'hr.person.export'] });
    const account = await main.post('/api/accounts', { roleId: role.body.id, username: 'jarmywh01', nickname: '人员维护' });
    expect(account.status).toBe(201);
    await ctx.engine.engine.db.knex('accounts').where('id', account.body.id).update({ real_name_status: 'approved' });
    ctx.engine.engine.auth.forgetAccount(account.body.id);
    clerk = ctx.engine.client();
    await clerk.firstLogin('jarmywh01');
  });

  it('stores the ID number encrypted with a keyed index: no plaintext in the records or key rows', async () => {
    const stored = await rawData(person.id);
    expect(stored).not.toContain(idNumber);
    expect(stored).toMatch(/"idNumber":\s*"enc1:/);
    const keys = await ctx.engine.engine.db.knex('record_keys').where('record_id', person.id).select('value') as Array<{ value: string }>;
    expect(keys.map((k) => k.value).join()).not.toContain(idNumber);
    expect(keys.some((k) => k.value.startsWith('hmac:'))).toBe(true);
  });

  it('shows the full number to the main account, audited, and masked to a sub-account without 查看完整证件号码', async () => {
    const full = await main.get(`/api/data/person/${person.id}`);
    expect(full.body.data.idNumber).toBe(idNumber);
    const audited = await reveals(person.id);
    expect(audited.length).toBeGreaterThan(0);
    expect(JSON.stringify(audited)).not.toContain(idNumber);
    expect(audited[0]!.details).toMatchObject({ fields: ['idNumber'], count: 1 });

    const before = (await reveals(person.id)).length;
    const masked = await clerk.get(`/api/data/person/${person.id}`);
    expect(masked.body.data.idNumber).toMatch(MASK);
    expect(masked.body.data.idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    const list = await clerk.get(`/api/data/person?q=${idNumber}`);
    expect(list.body.items.map((i: View) => i.data.idNumber)).toEqual([masked.body.data.idNumber]);
    expect((await reveals(person.id)).length).toBe(before);
  });

  it('finds a person by the whole ID number (q= or the field), lower-case x too, but not by a part of it', async () => {
    const withX = Array.from({ length: 200 }, (_v, i) => residentId('1979-12-01', String(100 + i))).find((n) => n.endsWith('X'))!;
    const other = await main.post('/api/data/person', { data: personData({ name: '沈叉', idNumber: withX.toLowerCase(), departmentId: dept }) });
    expect(other.status).toBe(201);
    expect(other.body.data.idNumber).toBe(withX);
    expect((await main.get(`/api/data/person?q=${withX.toLowerCase()}`)).body.items.map((i: View) => i.id)).toEqual([other.body.id]);
    expect((await main.get(`/api/data/person?q=${idNumber}`)).body.items.map((i: View) => i.id)).toEqual([person.id]);
    expect((await main.get(`/api/data/person?idNumber=${idNumber}`)).body.total).toBe(1);
    expect((await main.get(`/api/data/person?q=${idNumber.slice(0, 10)}`)).body.total).toBe(0);
    expect((await main.get(`/api/data/person?q=${encodeURIComponent('沈密')}`)).body.total).toBe(1);
  });

  it('still refuses a second person with the same ID document (409 DUPLICATE)', async () => {
    const duplicate = await main.post('/api/data/person', { data: personData({ name: '沈重', idNumber, departmentId: dept }) });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors[0]).toMatchObject({ code: 'DUPLICATE', path: '/idNumber' });
    expect(duplicate.body.errors[0].message).toContain('沈密');
  });

  it('keeps the stored number when a form sends the masked value back unchanged, and never stores the mask', async () => {
    const shown = (await clerk.get(`/api/data/person/${person.id}`)).body as View;
    const saved = await clerk.put(`/api/data/person/${person.id}`, { version: shown.version, data: { ...shown.data, mobile: '13900001111' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.data.idNumber).toMatch(MASK);
    const full = (await main.get(`/api/data/person/${person.id}`)).body as View;
    expect(full.data).toMatchObject({ idNumber, mobile: '13900001111' });
    expect(await rawData(person.id)).not.toContain('*');
    person = full;
  });

  it('exports the number masked without the permission and in full with it, the latter audited', async () => {
    const cellOf = async (client: HttpClient) => {
      const exported = await client.download(`/api/exports/person?q=${idNumber}`);
      expect(exported.status).toBe(200);
      return rowsOf(dataSheet(await loadWorkbook(exported.bytes))).map((row) => String(row['证件号码']));
    };
    const before = (await reveals(person.id)).length;
    const [masked] = await cellOf(clerk);
    expect(masked).toMatch(MASK);
    expect((await reveals(person.id)).length).toBe(before);
    expect(await cellOf(main)).toEqual([idNumber]);
    const exportAudit = (await reveals(person.id)).map((row) => row.details).filter((d: { export?: boolean }) => d.export);
    expect(exportAudit).toEqual([expect.objectContaining({ recordIds: [person.id], count: 1 })]);
  });

  it('keeps text that only looks like a ciphertext, typed into a field that is not sensitive, readable as typed', async () => {
    const name = 'enc1:k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const created = await main.post('/api/data/person', { data: personData({ name, idNumber: residentId('1977-04-04', '519'), departmentId: dept }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const read = await main.get(`/api/data/person/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data.name).toBe(name);
    expect((await main.get(`/api/data/person?pageSize=100`)).status).toBe(200);
  });
});
