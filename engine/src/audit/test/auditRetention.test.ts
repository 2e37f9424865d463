import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/index.js';
import { testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

const DAY = 86_400_000;

describe('AUDIT_RETENTION_DAYS', () => {
  it('defaults to 183 days and refuses less, saying why (Cybersecurity Law: six months)', () => {
    expect(loadConfig({}).audit.retentionDays).toBe(183);
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '365' }).audit.retentionDays).toBe(365);
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '90' })).toThrow(ConfigError);
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '182' })).toThrow(/AUDIT_RETENTION_DAYS: is 182.*six months.*183 or more/);
  });
});

/** Issue 9.5: the log is append-only in the database, and only the retention job deletes, what is older than the retention. */
describe.each(testDatabases())('audit retention and append-only storage (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  const knex = () => ctx.engine.engine.db.knex;
  let sysadmin: HttpClient;

  beforeAll(async () => {
    sysadmin = ctx.engine.client();
    await sysadmin.firstLogin('sysadmin01');
  });

  /** Events written `daysAgo` days before the clock's now, as a change long ago would have. */
  const insertEvents = async (count: number, daysAgo: number, action: string) => {
    const at = new Date(ctx.engine.clock.now().getTime() - daysAgo * DAY).toISOString();
    const rows = Array.from({ length: count }, () => ({ at, action }));
    for (let i = 0; i < rows.length; i += 200) await knex()('audit_events').insert(rows.slice(i, i + 200));
  };
  const count = async (action: string) => Number((await knex()('audit_events').where('action', action).count({ n: '*' }))[0]!.n);

  it('refuses UPDATE, DELETE and TRUNCATE of audit events written straight to the database', async () => {
    await insertEvents(2, 400, 'test.old');
    const [first] = await knex()('audit_events').orderBy('id').limit(1).select('id', 'action');
    await expect(knex()('audit_events').where('id', first.id).update({ action: 'tampered' })).rejects.toThrow(/append-only/);
    await expect(knex()('audit_events').where('id', first.id).delete()).rejects.toThrow(/append-only/);
    await expect(knex()('audit_events').where('action', 'test.old').delete()).rejects.toThrow(/append-only/);
    await expect(knex()('audit_events').truncate()).rejects.toThrow(/append-only/);
    expect(await knex()('audit_events').where('id', first.id).first('action')).toEqual({ action: first.action });
    expect(await count('test.old')).toBe(2);
    // Even with the horizon set (as the job does, in its transaction), only older events may go.
    const recent = (await knex()('audit_events').where('action', 'auth.login').first('id')) as { id: number };
    await expect(knex().transaction(async (trx) => {
      await trx('audit_retention').where('id', 1).update({ horizon: new Date(ctx.engine.clock.now().getTime() - 183 * DAY).toISOString() });
      await trx('audit_events').where('id', recent.id).delete();
    })).rejects.toThrow(/append-only/);
    expect(await knex()('audit_events').where('id', recent.id).first('id')).toEqual(recent);
  });

  it('deletes, in batches, only the events older than the retention, and leaves an audit.retention event', async () => {
    await insertEvents(2300, 200, 'test.expired');
    await insertEvents(3, 100, 'test.kept');
    const before = await count('test.old');
    const report = await ctx.engine.engine.audit.retention.run();
    expect(report?.removed).toBe(2300 + before);
    expect(await count('test.expired')).toBe(0);
    expect(await count('test.kept')).toBe(3);
    expect(await count('auth.login')).toBeGreaterThan(0);
    // The way stays closed outside the job's transactions.
    expect(await knex()('audit_retention').first('horizon')).toEqual({ horizon: null });
    await expect(knex()('audit_events').where('action', 'test.kept').delete()).rejects.toThrow(/append-only/);

    const items = (await sysadmin.get('/api/audit?action=audit.retention')).body.items as Array<{ details: Record<string, unknown> }>;
    expect(items).toHaveLength(1);
    expect(items[0]!.details).toMatchObject({ deleted: 2300 + before, retentionDays: 183, olderThan: report!.before });
  });

  it('removes the rest once the clock has moved past their retention, and nothing when nothing expired', async () => {
    expect((await ctx.engine.engine.audit.retention.run())?.removed).toBe(0);
    expect((await sysadmin.get('/api/audit?action=audit.retention')).body.total).toBe(1);
    ctx.engine.clock.advance(84 * DAY);
    expect((await ctx.engine.engine.audit.retention.run())?.removed).toBe(3);
    expect(await count('test.kept')).toBe(0);
    expect(await count('auth.login')).toBeGreaterThan(0);
  });
});
