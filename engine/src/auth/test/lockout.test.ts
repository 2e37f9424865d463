import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

const MINUTE = 60_000;

/** Lockout through HTTP with the engine's manual clock: no test sleeps. */
describe.each(testDatabases())('lockout (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  const login = (username: string, password: string) => ctx.engine.client().login(username, password);
  let main: HttpClient; // 江岸区人民医院's main account
  let district: HttpClient;

  beforeAll(async () => {
    [main, district] = [ctx.engine.client(), ctx.engine.client()];
    await main.firstLogin('jarmyy001');
    await district.firstLogin('jawjj0001');
  });

  it('locks after 5 consecutive failures for 30 minutes, telling the unlock time, without extending it', async () => {
    for (const remaining of [4, 3, 2, 1]) {
      const wrong = await login('jazxyy001', 'Wrong#Pass7');
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatchObject({ errors: [{ code: 'INVALID_CREDENTIALS' }], remainingAttempts: remaining });
    }
    const fifth = await login('jazxyy001', 'Wrong#Pass7');
    expect(fifth.status).toBe(423);
    expect(fifth.body.errors[0].code).toBe('ACCOUNT_LOCKED');
    const lockedUntil = fifth.body.lockedUntil as string;
    expect(new Date(lockedUntil).getTime() - ctx.engine.clock.now().getTime()).toBe(30 * MINUTE);
    expect(fifth.body.errors[0].message).toMatch(/锁定至 \d{4}-\d\d-\d\d \d\d:\d\d/);

    ctx.engine.clock.advance(10 * MINUTE);
    const right = await login('jazxyy001', 'Zjrj@-2007');
    expect(right.status).toBe(423);
    expect(right.body.lockedUntil).toBe(lockedUntil);
    ctx.engine.clock.advance(19 * MINUTE);
    expect((await login('jazxyy001', 'Wrong#Pass7')).body.lockedUntil).toBe(lockedUntil);
    ctx.engine.clock.advance(1 * MINUTE);
    expect((await login('jazxyy001', 'Zjrj@-2007')).status).toBe(200);
    expect((await login('jazxyy001', 'Wrong#Pass7')).body.remainingAttempts).toBe(4);
  });

  it('resets the count on a success', async () => {
    for (let i = 0; i < 4; i += 1) await login('whwjw0001', 'Wrong#Pass7');
    expect((await login('whwjw0001', 'Zjrj@-2007')).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await login('whwjw0001', 'Wrong#Pass7')).status).toBe(401);
  });

  it('lets the bureau above unlock at once; then the right password works', async () => {
    for (let i = 0; i < 5; i += 1) await login('jarmyy001', 'Wrong#Pass7');
    expect((await login('jarmyy001', 'Hosp#2024!x')).status).toBe(423);
    const list = await district.get('/api/accounts?scope=below&q=jarmyy001');
    const [account] = list.body.items;
    expect(account.lockedUntil).toEqual(expect.any(String));
    const unlocked = await district.post(`/api/accounts/${account.id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lockedUntil).toBeNull();
    expect((await login('jarmyy001', 'Hosp#2024!x')).status).toBe(200);
  });

  it('lets a main account unlock its sub-account, and the system administrator any account', async () => {
    const role = await main.post('/api/roles', { name: '医务科', permissions: ['org.department.view'] });
    const sub = await main.post('/api/accounts', { roleId: role.body.id, username: 'jarmyywk01', nickname: '医务科' });
    for (let i = 0; i < 5; i += 1) await login('jarmyywk01', 'Wrong#Pass7');
    expect((await login('jarmyywk01', 'Zjrj@-2007')).status).toBe(423);
    expect((await main.post(`/api/accounts/${sub.body.id}/unlock`)).status).toBe(200);
    expect((await login('jarmyywk01', 'Zjrj@-2007')).status).toBe(200);

    for (let i = 0; i < 5; i += 1) await login('jazxyy001', 'Wrong#Pass7');
    const admin = ctx.engine.client();
    await admin.firstLogin('sysadmin01');
    const [target] = (await admin.get('/api/accounts?scope=below&q=jazxyy001')).body.items;
    expect(target.lockedUntil).toEqual(expect.any(String));
    expect((await admin.post(`/api/accounts/${target.id}/unlock`)).status).toBe(200);
    expect((await login('jazxyy001', 'Zjrj@-2007')).status).toBe(200);
  });

  it('counts wrong old passwords of a password change; locking ends the sessions', async () => {
    const client = ctx.engine.client();
    await client.firstLogin('hbwjw0001');
    const change = () => client.post('/api/auth/password', { oldPassword: 'Nope#Pass1', newPassword: 'Qw#8zk!Lm', confirmPassword: 'Qw#8zk!Lm' });
    for (let i = 0; i < 4; i += 1) expect((await change()).body.errors[0].code).toBe('WRONG_PASSWORD');
    const fifth = await change();
    expect(fifth.status).toBe(423);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect((await login('hbwjw0001', 'Hosp#2024!x')).status).toBe(423);
  });

  it('checks at most 5 passwords under 50 parallel wrong attempts', async () => {
    const before = ctx.engine.engine.checker.checks;
    const answers = await Promise.all(Array.from({ length: 50 }, () => login('sysadmin01', 'Wrong#Pass7')));
    expect(ctx.engine.engine.checker.checks - before).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === 423).length).toBeGreaterThanOrEqual(45);
    expect(answers.every((a) => a.status === 401 || a.status === 423)).toBe(true);
  });

  it('lets parallel correct logins of an unlocked account all succeed', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => login('jawjj0001', 'Hosp#2024!x')));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
  });

  it('gives an unknown username the status, body and cost of a wrong password, and the same lock', async () => {
    const checks = () => ctx.engine.engine.checker.checks;
    let before = checks();
    const wrong = await login('jawjj0001', 'Wrong#Pass8'); // no failure before this one
    expect(checks() - before).toBe(1);
    before = checks();
    const unknown = await login('nosuchuser01', 'Wrong#Pass8');
    expect(checks() - before).toBe(1);
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body.remainingAttempts).toBe(4);
    for (let i = 0; i < 4; i += 1) await login('nosuchuser01', 'Wrong#Pass8');
    const locked = await login('nosuchuser01', 'Wrong#Pass8');
    expect(locked.status).toBe(423);
    expect(locked.body.errors[0].code).toBe('ACCOUNT_LOCKED');
  });
});
