import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptedStores, FieldCipher } from '../../privacy/index.js';
import { TwoFactorStore } from '../twoFactor/index.js';
import { testDatabases, useTestEngine } from '../../testing/index.js';
import { auditDetails, codeAt, enrol, loginWithCode } from './twoFactorKit.js';

const PASSWORD = 'Hosp#2024!x';

/** Two-factor login (issue 9 point 6) with the policy off (development): enrolment is voluntary. */
describe.each(testDatabases())('two-factor login (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  const audit = (action: string) => auditDetails(ctx.engine, action);

  it('enrols with a QR code and recovery codes, then asks for the code after the password', async () => {
    const client = ctx.engine.client();
    await client.firstLogin('jarmyy001');
    expect((await client.get('/api/auth/me')).body.twoFactor).toEqual({ enabled: false, required: false });
    const setup = await client.post('/api/auth/two-factor/setup');
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]{32}.*algorithm=SHA1&digits=6&period=30/);
    expect(setup.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.body.qrCode.split(',')[1], 'base64').toString()).toContain('<svg');

    const wrong = await client.post('/api/auth/two-factor/confirm', { code: codeAt(ctx.engine, setup.body.secret, 5) });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ code: 'INVALID_TWO_FACTOR_CODE', path: '/code' });
    expect(await audit('auth.twoFactor.code')).toEqual([expect.objectContaining({ username: 'jarmyy001', purpose: 'enrol', result: 'failure' })]);
    const confirm = await client.post('/api/auth/two-factor/confirm', { code: codeAt(ctx.engine, setup.body.secret) });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirm.body.recoveryCodes).size).toBe(10);
    expect((await client.get('/api/auth/two-factor')).body).toEqual({ enabled: true, pending: false, required: false, recoveryCodesLeft: 10 });
    expect((await client.post('/api/auth/two-factor/setup')).body.errors[0].code).toBe('TWO_FACTOR_ALREADY_ENABLED');
    expect(await audit('auth.twoFactor.enrol')).toEqual([expect.objectContaining({ username: 'jarmyy001' })]);

    // The password step opens no session: its cookie only carries the challenge.
    ctx.engine.clock.advance(30_000);
    const fresh = ctx.engine.client();
    expect((await fresh.login('jarmyy001', PASSWORD)).body).toEqual({ twoFactorRequired: true });
    expect((await fresh.get('/api/auth/me')).status).toBe(401);
    const done = await fresh.post('/api/auth/login/two-factor', { code: codeAt(ctx.engine, setup.body.secret) });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ user: { username: 'jarmyy001' }, mustChangePassword: false, csrfToken: expect.any(String),
      twoFactor: { enabled: true, required: false } });
    expect((await fresh.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses a code used once already (replay), and a code without the password step or after the challenge expired', async () => {
    const client = ctx.engine.client();
    await client.firstLogin('jazxyy001');
    const { secret } = await enrol(ctx.engine, client);
    const code = codeAt(ctx.engine, secret);
    expect((await loginWithCode(ctx.engine.client(), 'jazxyy001', PASSWORD, code)).status).toBe(200);
    const replay = await loginWithCode(ctx.engine.client(), 'jazxyy001', PASSWORD, code);
    expect(replay.status).toBe(401);
    expect(replay.body.errors[0].code).toBe('INVALID_TWO_FACTOR_CODE');
    // The previous step's code is within the window but older than the one used: refused too.
    ctx.engine.clock.advance(30_000);
    expect((await loginWithCode(ctx.engine.client(), 'jazxyy001', PASSWORD, codeAt(ctx.engine, secret, -1))).status).toBe(401);
    expect((await loginWithCode(ctx.engine.client(), 'jazxyy001', PASSWORD, codeAt(ctx.engine, secret))).status).toBe(200);

    const noChallenge = await ctx.engine.client().post('/api/auth/login/two-factor', { code: codeAt(ctx.engine, secret, 1) });
    expect(noChallenge.status).toBe(401);
    expect(noChallenge.body.errors[0].code).toBe('TWO_FACTOR_CHALLENGE_EXPIRED');
    const slow = ctx.engine.client();
    await slow.login('jazxyy001', PASSWORD);
    ctx.engine.clock.advance(6 * 60_000);
    const late = await slow.post('/api/auth/login/two-factor', { code: codeAt(ctx.engine, secret) });
    expect(late.body.errors[0].code).toBe('TWO_FACTOR_CHALLENGE_EXPIRED');
    expect((await slow.get('/api/auth/me')).status).toBe(401);
  });

  it('counts wrong passwords and wrong codes toward one lockout; a right password resets nothing', async () => {
    const client = ctx.engine.client();
    await client.firstLogin('jawjj0001');
    const { secret } = await enrol(ctx.engine, client);
    for (let i = 0; i < 2; i += 1) expect((await ctx.engine.client().login('jawjj0001', 'Wrong#Pass7')).status).toBe(401);
    const attacker = ctx.engine.client();
    expect((await attacker.login('jawjj0001', PASSWORD)).body).toEqual({ twoFactorRequired: true });
    const third = await attacker.post('/api/auth/login/two-factor', { code: '000000' === codeAt(ctx.engine, secret) ? '111111' : '000000' });
    expect(third.status).toBe(401);
    expect(third.body).toMatchObject({ errors: [{ code: 'INVALID_TWO_FACTOR_CODE' }], remainingAttempts: 2 });
    expect((await attacker.login('jawjj0001', PASSWORD)).status).toBe(200); // the password again: the count stays
    expect((await attacker.post('/api/auth/login/two-factor', { code: 'abcde-fghjk' })).body.remainingAttempts).toBe(1);
    const fifth = await attacker.post('/api/auth/login/two-factor', { code: 'abcde-fghjk' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.errors[0].code).toBe('ACCOUNT_LOCKED');
    expect(fifth.body.errors[0].message).toMatch(/验证码.*锁定至/);
    expect((await client.get('/api/auth/me')).status).toBe(401); // the lock ends the account's sessions
    expect((await ctx.engine.client().login('jawjj0001', PASSWORD)).status).toBe(423);
    const failures = (await audit('auth.twoFactor.code')).filter((details) => details.username === 'jawjj0001').map((details) => details.result);
    expect(failures).toEqual(['failure', 'failure', 'failure, now locked']);

    ctx.engine.clock.advance(30 * 60_000);
    expect((await loginWithCode(ctx.engine.client(), 'jawjj0001', PASSWORD, codeAt(ctx.engine, secret))).status).toBe(200);
  });

  it('accepts each recovery code once, in any letter case, and regenerates them with a code', async () => {
    const client = ctx.engine.client();
    await client.firstLogin('whwjw0001');
    const { secret, recoveryCodes } = await enrol(ctx.engine, client);
    const first = recoveryCodes[0]!;
    const login = await loginWithCode(ctx.engine.client(), 'whwjw0001', PASSWORD, ` ${first.toUpperCase()} `);
    expect(login.status).toBe(200);
    expect((await loginWithCode(ctx.engine.client(), 'whwjw0001', PASSWORD, first)).status).toBe(401);
    expect((await client.get('/api/auth/two-factor')).body.recoveryCodesLeft).toBe(9);
    const loggedIn = await audit('auth.login');
    expect(loggedIn.filter((d) => d.username === 'whwjw0001' && d.secondFactor))
      .toEqual([expect.objectContaining({ secondFactor: 'recovery' })]);

    const renewed = await client.post('/api/auth/two-factor/recovery-codes', { code: codeAt(ctx.engine, secret) });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    expect((await loginWithCode(ctx.engine.client(), 'whwjw0001', PASSWORD, recoveryCodes[1]!)).status).toBe(401);
    expect((await loginWithCode(ctx.engine.client(), 'whwjw0001', PASSWORD, renewed.body.recoveryCodes[1])).status).toBe(200);
  });

  it('disables with the password and a code; the next login needs the password only', async () => {
    const client = ctx.engine.client();
    await client.firstLogin('hbwjw0001');
    const { secret } = await enrol(ctx.engine, client);
    const wrongPassword = await client.post('/api/auth/two-factor/disable', { password: 'Nope#Pass1', code: codeAt(ctx.engine, secret) });
    expect(wrongPassword.status).toBe(422);
    expect(wrongPassword.body.errors[0].code).toBe('WRONG_PASSWORD');
    const noCode = await client.post('/api/auth/two-factor/disable', { password: PASSWORD });
    expect(noCode.status).toBe(400);
    expect(noCode.body.errors[0].code).toBe('TWO_FACTOR_CODE_MISSING');
    expect((await client.get('/api/auth/two-factor')).body.enabled).toBe(true);
    expect((await client.post('/api/auth/two-factor/disable', { password: PASSWORD, code: codeAt(ctx.engine, secret) })).status).toBe(200);
    expect((await client.get('/api/auth/two-factor')).body).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    const again = await ctx.engine.client().login('hbwjw0001', PASSWORD);
    expect(again.body).toMatchObject({ user: { username: 'hbwjw0001' }, twoFactor: { enabled: false } });
    expect((await audit('auth.twoFactor.disable')).map((details) => details.result)).toEqual(['wrongPassword', 'success']);
  });

  it('stores the secret encrypted and the recovery codes hashed', async () => {
    const client = ctx.engine.client();
    await client.firstLogin('sysadmin01');
    const { secret, recoveryCodes } = await enrol(ctx.engine, client);
    const { knex } = ctx.engine.engine.db;
    const [account] = await knex('accounts').where('username', 'sysadmin01').select('id');
    const row = await knex('two_factor').where('account_id', account.id).first();
    expect(row.secret).toMatch(/^enc1:/);
    expect(row.secret).not.toContain(secret);
    const stored = JSON.stringify(await knex('two_factor_recovery_codes').where('account_id', account.id).select('*'));
    for (const code of recoveryCodes) expect(stored).not.toContain(code.replace('-', ''));
    expect(stored).toMatch(/\$argon2id\$/);
    expect(ctx.engine.logLines.join('\n')).not.toContain(secret);

    // Key rotation (`npm run rotate-keys` walks the registered stores): rewritten under the new key, same secret.
    const old = ctx.engine.engine.config.keyring!;
    const rotated = new FieldCipher({ activeId: 'k2', keys: new Map([['k2', randomBytes(32)], ...old.keys]), indexKey: old.indexKey });
    const store = encryptedStores().find((s) => s.name === 'two_factor.secret')!;
    const enrolled = (await knex('two_factor').select('account_id')).length; // every account this file enrolled
    expect(await store.rotate(knex, rotated)).toBe(enrolled);
    expect(await store.rotate(knex, rotated)).toBe(0);
    expect((await knex('two_factor').where('account_id', account.id).first()).secret).toMatch(/^enc1:k2:/);
    expect((await new TwoFactorStore(knex, rotated).get(account.id))?.secret).toBe(secret);
  });
});
