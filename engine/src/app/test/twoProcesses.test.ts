import knexPkg from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentId, type HttpClient } from '../../testing/index.js';
import { fill, importFile, template, type Cells } from '../../imports/test/workbooks.js';
import { freshPostgresDatabase } from '../../testing/index.js';
import { sharedDataDir, startEngineProcess, type EngineProcess } from './engineProcesses.js';

const { knex: createKnex } = knexPkg;
const baseUrl = process.env.TEST_DATABASE_URL;

/** Short leases and polls so that a dead process's job is taken over within seconds. */
const ENV = { JOB_WORKERS: '1', JOB_LEASE_MS: '3000', JOB_POLL_MS: '500', JOB_EXPIRE_SECONDS: '6', DEFINITIONS_POLL_MS: '300', SEED_DEMO: 'true' };

const personRows = (count: number, offset: number): Cells[] => Array.from({ length: count }, (_, i) => {
  const n = offset + i;
  const birth = new Date(Date.UTC(1960, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  return { 机构名称: '江岸区人民医院', 姓名: `测试${n}`, 证件类型: '居民身份证', 证件号码: residentId(birth, String(100 + (n % 800)).padStart(3, '0')),
    '国籍/地区': '中国', 所在部门: '内科', 在职状态: '在岗人员' };
});

async function settledJob(client: HttpClient, id: string, timeout = 60_000) {
  await expect.poll(async () => (await client.get(`/api/imports/jobs/${id}`)).body.job.status, { timeout, interval: 100 })
    .toMatch(/^(succeeded|partial|failed|interrupted)$/);
  return (await client.get(`/api/imports/jobs/${id}`)).body.job;
}

/**
 * R-13 as production runs it: two engine processes (`src/main.ts`) on one PostgreSQL database, the
 * job queue in pg-boss. Sessions, lockouts, definitions and background jobs hold across the two.
 */
describe.skipIf(!baseUrl)('two engine processes on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let data: ReturnType<typeof sharedDataDir>;
  let engines: EngineProcess[] = [];
  let db: knexPkg.Knex;

  /** The persons the imports below wrote (named 测试…). */
  const testPeople = () => db('records').where('entity', 'person').whereRaw(`data->>'name' LIKE '测试%'`);

  beforeAll(async () => {
    database = await freshPostgresDatabase(baseUrl!);
    data = sharedDataDir();
    const env = { ...ENV, DATABASE_URL: database.url, DATA_DIR: data.dir };
    // One after the other: the first migrates and seeds; the second finds the database ready.
    engines.push(await startEngineProcess(env));
    engines.push(await startEngineProcess(env));
    db = createKnex({ client: 'pg', connection: database.url });
  }, 120_000);
  afterAll(async () => {
    await Promise.all(engines.map((e) => e.child.kill()));
    await db?.destroy();
    await database?.drop();
    data?.remove();
  });

  it('serves a session made by one engine on the other, and a logout on one ends it on both', async () => {
    const [a, b] = engines;
    const onA = a!.client();
    await onA.firstLogin('jarmyy001');
    const onB = onA.sameSessionOn(b!.client().baseUrl);
    expect((await onB.get('/api/auth/me')).body.user).toMatchObject({ username: 'jarmyy001' });
    expect((await onB.post('/api/auth/logout', {})).status).toBeLessThan(300);
    expect((await onA.get('/api/auth/me')).status).toBe(401);
  });

  it('counts wrong passwords across both engines: the lockout made by one holds in the other', async () => {
    const [a, b] = engines;
    for (let i = 0; i < 5; i += 1) {
      const response = await (i % 2 === 0 ? a! : b!).client().login('jazxyy001', 'Wrong#Pass1');
      expect(response.status).toBe(i < 4 ? 401 : 423);
    }
    const refused = await a!.client().login('jazxyy001', 'Zjrj@-2007');
    expect(refused.status).toBe(423);
    expect(refused.body.errors[0].message).toContain('账号已锁定');
  });

  it('has the other engine use a definition published through the first within a poll', async () => {
    const [a, b] = engines;
    const admin = a!.client();
    await admin.firstLogin('sysadmin01');
    const base = '/api/designer/definitions/entity/person';
    const content = structuredClone((await admin.get(base)).body.inForce.content);
    content.schema.properties.wechat = { type: 'string', title: '微信号', maxLength: 40 };
    content.uiSchema['ui:order'].push('wechat');
    expect((await admin.put(`${base}/draft`, { content })).status).toBeLessThan(300);
    const published = await admin.post(`${base}/publish`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const clerk = await loggedIn(b!, 'jarmyy001');
    await expect.poll(async () => Object.keys((await clerk.get('/api/entities/person')).body.schema?.properties ?? {}),
      { timeout: 10_000, interval: 100 }).toContain('wechat');
  });

  it('processes 500 imported rows exactly once, the two engines\' workers taking the jobs from one queue', async () => {
    const [a, b] = engines;
    const clerk = await loggedIn(a!, 'jarmyy001');
    const blank = await template(clerk, 'person');
    const files = [await fill(blank, personRows(250, 0)), await fill(blank, personRows(250, 250))];
    const claimedBy = async (id: string) => ((await db('jobs').where({ id }).first('worker')) as { worker: string | null }).worker;
    // Both through the first engine. The test holds writes to records, so whichever worker takes the
    // first job stays busy with it (each engine has one): the second job can only go to the other engine.
    const hold = await db.transaction();
    await hold.raw('LOCK TABLE records IN EXCLUSIVE MODE');
    const ids: string[] = [];
    try {
      for (const file of files) {
        const queued = await importFile(clerk, 'person', file);
        expect(queued.status, JSON.stringify(queued.body)).toBe(202);
        ids.push(queued.body.job.id);
        await expect.poll(() => claimedBy(queued.body.job.id), { timeout: 10_000, interval: 50 }).not.toBeNull();
      }
      expect(await db('jobs').whereIn('id', ids).pluck('status')).toEqual(['running', 'running']); // both held at their first write
    } finally {
      await hold.commit();
    }
    for (const id of ids) expect(await settledJob(clerk, id)).toMatchObject({ status: 'succeeded', total: 250, imported: 250, failed: 0 });
    const rows = await db('jobs').whereIn('id', ids).select('attempts', 'worker');
    expect(rows.map((r: { attempts: number }) => r.attempts)).toEqual([1, 1]);
    const pids = rows.map((r: { worker: string }) => Number(r.worker.split(':')[1])).sort();
    expect(pids).toEqual([a!.pid, b!.pid].sort());
    expect(await count(testPeople())).toBe(500);
    // pg-boss delivered each (a sweep's resend in the instant between a delivery and its claim would be a no-op, also completed).
    const deliveries = await db.withSchema('pgboss').from('job').whereIn('singleton_key', ids).select('state', 'singleton_key') as
      Array<{ state: string; singleton_key: string }>;
    expect(new Set(deliveries.map((d) => d.singleton_key))).toEqual(new Set(ids));
    expect(deliveries.every((d) => d.state === 'completed')).toBe(true);
  });

  it('takes over a job whose engine was killed mid-job: the survivor resumes it, no row twice', async () => {
    const clerk = await loggedIn(engines[0]!, 'jarmyy001');
    const rows = 6000;
    const file = await fill(await template(clerk, 'person'), personRows(rows, 1000));
    const queued = await importFile(clerk, 'person', file);
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    const id = queued.body.job.id as string;
    // Mid-job: some chunks committed, not all.
    await expect.poll(async () => {
      const job = await db('jobs').where('id', id).first('processed', 'worker');
      return job.processed > 0 && job.processed < rows ? job.worker : undefined;
    }, { timeout: 60_000, interval: 20 }).toBeTruthy();
    const holder = (await db('jobs').where('id', id).first('worker')).worker as string;
    const victim = engines.find((e) => holder.includes(`:${e.pid}:`))!;
    const survivor = engines.find((e) => e !== victim)!;
    expect(await victim.child.kill()).toBe('SIGKILL');
    const processedAtDeath = Number((await db('jobs').where('id', id).first('processed')).processed);
    expect(processedAtDeath).toBeLessThan(rows);

    const job = await settledJob(clerk.sameSessionOn(survivor.client().baseUrl), id, 90_000);
    expect(job).toMatchObject({ status: 'succeeded', total: rows, imported: rows, failed: 0 });
    const row = await db('jobs').where('id', id).first();
    expect(row.attempts).toBe(2);
    expect(row.worker).toContain(`:${survivor.pid}:`);
    expect(await count(testPeople())).toBe(500 + rows);
    // Each committed chunk audits what it created: the chunks of both runs add up to the file, none twice.
    const [created] = await db('audit_events').where({ entity: 'person', action: 'record.import' })
      .whereRaw(`details->>'job' = ?`, [id]).sum({ n: db.raw(`(details->>'created')::int`) });
    expect(Number(created!.n)).toBe(rows);
  }, 180_000);
});

async function count(query: knexPkg.Knex.QueryBuilder): Promise<number> {
  const [row] = await query.count({ n: '*' }) as Array<{ n: number | string }>;
  return Number(row?.n);
}

/** A session on `engine` for an account whose first password change is done (the first test made it). */
async function loggedIn(engine: EngineProcess, username: string): Promise<HttpClient> {
  const client = engine.client();
  const login = await client.login(username, 'Hosp#2024!x');
  if (login.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(login.body)}`);
  return client;
}
