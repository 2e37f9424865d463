import { describe, expect, it } from 'vitest';
import { useTestEngine, testDatabases } from '../../testing/index.js';

const rulesOf = (body: { errors: Array<{ rule?: string }> }) => body.errors.map((e) => e.rule).sort();

describe.each(testDatabases())('first-login password change (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);

  it('names every failed rule of the policy', async () => {
    const client = ctx.engine.client();
    await client.login('jarmyy001', 'Zjrj@-2007');
    const change = (newPassword: string, confirmPassword = newPassword) =>
      client.post('/api/auth/password', { oldPassword: 'Zjrj@-2007', newPassword, confirmPassword });
    expect(rulesOf((await change('ab1')).body)).toEqual(['charClasses', 'minLength']);
    expect(rulesOf((await change('Abcd#9xyz')).body)).toEqual(['sequence']);
    expect(rulesOf((await change('Zq%9xk#Lm')).body)).toEqual(['forbiddenChar']);
    expect(rulesOf((await change('Zq；9xk#Lm')).body)).toEqual(['fullWidth']);
    expect(rulesOf((await change('Zq#9xk#Lm', 'Zq#9xk#Ln')).body)).toEqual(['confirm']);
    expect(rulesOf((await change('Jarmyy001#Q')).body)).toEqual(['username']);
    expect(rulesOf((await change('Zjrj@-2007')).body)).toEqual(['default', 'reuse']);
    const response = await change('ab1');
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toMatchObject({ code: 'PASSWORD_POLICY', path: '/newPassword' });
  });

  it('refuses a wrong old password', async () => {
    const client = ctx.engine.client();
    await client.login('jazxyy001', 'Zjrj@-2007');
    const response = await client.post('/api/auth/password', { oldPassword: 'Nope#1x', newPassword: 'Qw#8zk!Lm', confirmPassword: 'Qw#8zk!Lm' });
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toMatchObject({ code: 'WRONG_PASSWORD', path: '/oldPassword' });
  });

  it('unlocks the system, ends the other sessions and refuses recent passwords later', async () => {
    const [client, other] = [ctx.engine.client(), ctx.engine.client()];
    await other.login('jawjj0001', 'Zjrj@-2007');
    await client.firstLogin('jawjj0001', 'Qw#8zk!Lm');
    expect((await client.get('/api/entities')).status).toBe(200);
    expect((await other.get('/api/auth/me')).status).toBe(401);
    const me = await client.get('/api/auth/me');
    expect(me.body.mustChangePassword).toBe(false);
    const back = await client.post('/api/auth/password', { oldPassword: 'Qw#8zk!Lm', newPassword: 'Zjrj@-2007', confirmPassword: 'Zjrj@-2007' });
    expect(rulesOf(back.body)).toEqual(['default', 'reuse']);
    await client.post('/api/auth/password', { oldPassword: 'Qw#8zk!Lm', newPassword: 'Er#7yk!Mn', confirmPassword: 'Er#7yk!Mn' });
    const again = await client.post('/api/auth/password', { oldPassword: 'Er#7yk!Mn', newPassword: 'Qw#8zk!Lm', confirmPassword: 'Qw#8zk!Lm' });
    expect(rulesOf(again.body)).toEqual(['reuse']);
    expect((await ctx.engine.client().login('jawjj0001', 'Er#7yk!Mn')).status).toBe(200);
  });

  it('holds business calls until real-name verification is approved', async () => {
    const client = ctx.engine.client();
    await client.firstLogin('whwjw0001');
    const { db, auth } = ctx.engine.engine;
    await db.knex('accounts').where('username', 'whwjw0001').update({ real_name_status: 'submitted' });
    auth.forgetAccount((await db.knex('accounts').where('username', 'whwjw0001').first()).id); // as the review service will
    const blocked = await client.get('/api/data/person');
    expect(blocked.status).toBe(403);
    expect(blocked.body.errors[0].code).toBe('REAL_NAME_REQUIRED');
    expect((await client.get('/api/auth/me')).body.user.realNameStatus).toBe('submitted');
  });

  it('gives the system administrator the designer, not the institutions\' personal data', async () => {
    const client = ctx.engine.client();
    await client.firstLogin('sysadmin01');
    expect((await client.get('/api/entities')).body).toEqual([]);
    expect((await client.get('/api/data/person')).status).toBe(403);
    const menu = await client.get('/api/menu');
    expect(menu.body.items.map((i: { key: string }) => i.key)).toEqual(['tasks', 'system']);
  });
});
