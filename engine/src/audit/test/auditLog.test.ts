import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId, personData, residentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

describe.each(testDatabases())('audit log (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let main: HttpClient;
  let district: HttpClient;
  const idNumber = residentId('1977-07-07', '771');

  beforeAll(async () => {
    [main, district] = [ctx.engine.client(), ctx.engine.client()];
    await ctx.engine.client().login('jarmyy001', 'Wrong#Pass7');
    await main.firstLogin('jarmyy001');
    await district.firstLogin('jawjj0001');
    for (let i = 0; i < 5; i += 1) await ctx.engine.client().login('jazxyy001', 'Wrong#Pass7');
    await ctx.engine.client().login('jazxyy001', 'Zjrj@-2007');
    const role = await main.post('/api/roles', { name: '人事科', permissions: ['hr.person.view'] });
    await main.put(`/api/roles/${role.body.id}`, { name: '人事科', permissions: ['hr.person.view', 'hr.person.update'] });
    const account = await main.post('/api/accounts', { roleId: role.body.id, username: 'jarmyrsk01', nickname: '人事科' });
    await main.post(`/api/accounts/${account.body.id}/reset-password`, { password: 'Temp#7593!y', confirmPassword: 'Temp#7593!y' });
    const zhongxin = (await district.get('/api/accounts?scope=below&q=jazxyy001')).body.items[0];
    await district.post(`/api/accounts/${zhongxin.id}/unlock`);
    const person = await main.post('/api/data/person', { data: personData({ idNumber, departmentId: await departmentId(main, '内科') }) });
    await main.put(`/api/data/person/${person.body.id}`, { version: 1, data: { ...person.body.data, idNumber: residentId('1977-07-07', '773') } });
    await main.delete(`/api/data/person/${person.body.id}`);
  });

  const actions = async (client: HttpClient, query = '') =>
    (await client.get(`/api/audit?pageSize=200${query}`)).body.items as Array<{ action: string; result: string | null; username: string | null; ip: string | null }>;

  it('records logins with their result and address, unlocks, password changes and resets, account and role changes', async () => {
    const seen = await actions(district);
    const has = (action: string, result?: string, username?: string) => seen.some((e) => e.action === action
      && (result === undefined || e.result === result) && (username === undefined || e.username === username));
    expect(has('auth.login', 'failure', 'jarmyy001')).toBe(true);
    expect(has('auth.login', 'success', 'jarmyy001')).toBe(true);
    expect(has('auth.login', 'failure, now locked', 'jazxyy001')).toBe(true);
    expect(has('auth.login', 'locked', 'jazxyy001')).toBe(true);
    for (const action of ['account.unlock', 'auth.passwordChange', 'account.passwordReset', 'account.create', 'role.create', 'role.update',
      'record.create', 'record.update', 'record.delete']) {
      expect(has(action), action).toBe(true);
    }
    // The demo seed wrote records without a request (no address); everything since came from 127.0.0.1.
    expect(seen.filter((e) => !e.action.startsWith('record.') || e.ip).every((e) => e.ip === '127.0.0.1')).toBe(true);
    const roleUpdate = (await actions(district, '&action=role.update'))[0] as unknown as { details: { added: string[] } };
    expect(roleUpdate.details.added).toEqual(['hr.person.update']);
  });

  it('shows each administrator the events of its own organisation and those below only', async () => {
    const own = await actions(main);
    expect(own.length).toBeGreaterThan(5);
    expect(own.some((e) => e.username === 'jazxyy001')).toBe(false);
    const other = ctx.engine.client();
    await other.login('jazxyy001', 'Zjrj@-2007');
    await other.post('/api/auth/password', { oldPassword: 'Zjrj@-2007', newPassword: 'Hosp#2024!x', confirmPassword: 'Hosp#2024!x' });
    expect((await actions(other)).some((e) => e.username === 'jarmyy001')).toBe(false);
  });

  it('filters by time given in any ISO 8601 form, and refuses a malformed one', async () => {
    const now = ctx.engine.clock.now();
    const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    const recent = await district.get(`/api/audit?pageSize=200&from=${encodeURIComponent(beijing(now.getTime() - 3_600_000))}`);
    const future = await district.get(`/api/audit?from=${encodeURIComponent(beijing(now.getTime() + 3_600_000))}`);
    expect(recent.body.total).toBeGreaterThan(10);
    expect(future.body.total).toBe(0);
    expect((await district.get('/api/audit?from=yesterday')).status).toBe(400);
  });

  it('holds no password and no ID number, neither stored nor shown', async () => {
    const stored = JSON.stringify(await ctx.engine.engine.db.knex('audit_events').select('details'));
    const shown = JSON.stringify(await actions(district));
    for (const text of [stored, shown]) {
      for (const secret of ['Hosp#2024!x', 'Temp#7593!y', 'Wrong#Pass7', 'Zjrj@-2007', idNumber, residentId('1977-07-07', '773')]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(shown).toContain(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
  });
});
