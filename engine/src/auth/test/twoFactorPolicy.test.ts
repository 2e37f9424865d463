import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { auditDetails, codeAt, enrol, loginWithCode } from './twoFactorKit.js';

const PASSWORD = 'Hosp#2024!x';

/** TWO_FACTOR_REQUIRED as production has it: system administrators and bureaus must enrol; institutions need not. */
describe.each(testDatabases())('two-factor policy (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase, { twoFactorRequired: ['system', 'province', 'city', 'district'] });
  let admin: HttpClient;
  let adminSecret: string;

  beforeAll(async () => {
    admin = ctx.engine.client();
    await admin.firstLogin('sysadmin01'); // the first-login password change comes before the enrolment
  });

  it('allows only enrolment, me, logout and the password change until a required second factor is enrolled', async () => {
    const me = await admin.get('/api/auth/me');
    expect(me.body.twoFactor).toEqual({ enabled: false, required: true });
    for (const path of ['/api/entities', '/api/menu', '/api/accounts?scope=below']) {
      const blocked = await admin.get(path);
      expect(blocked.status).toBe(403);
      expect(blocked.body.errors[0].code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
      expect(blocked.body.errors[0].message).toMatch(/双因素认证/);
    }
    expect((await admin.get('/api/auth/password-policy')).status).toBe(200);
    adminSecret = (await enrol(ctx.engine, admin)).secret;
    expect((await admin.get('/api/entities')).status).toBe(200);
    expect((await admin.get('/api/auth/me')).body.twoFactor).toEqual({ enabled: true, required: true });
  });

  it('does not require it of an institution account', async () => {
    const institution = ctx.engine.client();
    await institution.firstLogin('jarmyy001');
    expect((await institution.get('/api/auth/me')).body.twoFactor).toEqual({ enabled: false, required: false });
    expect((await institution.get('/api/entities')).status).toBe(200);
  });

  it('refuses to disable a required second factor', async () => {
    const refused = await admin.post('/api/auth/two-factor/disable', { password: PASSWORD, code: codeAt(ctx.engine, adminSecret) });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].code).toBe('TWO_FACTOR_REQUIRED_BY_POLICY');
    expect((await admin.get('/api/auth/two-factor')).body.enabled).toBe(true);
  });

  it('lets an administrator reset another account\'s second factor (audited), ending its sessions', async () => {
    const city = ctx.engine.client();
    await city.firstLogin('whwjw0001');
    await enrol(ctx.engine, city);
    const [target] = (await admin.get('/api/accounts?scope=below&q=whwjw0001')).body.items;
    const institution = ctx.engine.client();
    await institution.login('jarmyy001', PASSWORD);
    expect((await institution.post(`/api/accounts/${target.id}/two-factor/reset`)).status).toBe(404); // not in its scope
    expect((await city.get('/api/auth/me')).status).toBe(200);

    const reset = await admin.post(`/api/accounts/${target.id}/two-factor/reset`);
    expect(reset.status).toBe(200);
    expect((await city.get('/api/auth/me')).status).toBe(401);
    expect(await auditDetails(ctx.engine, 'account.twoFactorReset')).toEqual([{ recordId: target.id, target: 'whwjw0001' }]);
    expect((await admin.post(`/api/accounts/${target.id}/two-factor/reset`)).body.errors[0].code).toBe('TWO_FACTOR_NOT_ENABLED');

    // Password only again, and then the enrolment the policy requires.
    const again = ctx.engine.client();
    expect((await again.login('whwjw0001', PASSWORD)).body.twoFactor).toEqual({ enabled: false, required: true });
    expect((await again.get('/api/entities')).body.errors[0].code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
  });

  it('asks the enrolled administrator for the code at the next login', async () => {
    ctx.engine.clock.advance(60_000);
    const client = ctx.engine.client();
    expect((await loginWithCode(client, 'sysadmin01', PASSWORD, codeAt(ctx.engine, adminSecret))).status).toBe(200);
    expect((await client.get('/api/entities')).status).toBe(200);
  });
});
