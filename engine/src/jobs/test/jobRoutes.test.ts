import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { jobMessages, type JobOutcome, type JobRow } from '../index.js';

describe.each(testDatabases())('import job routes (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  const clients = {} as Record<'renmin' | 'zhongxin' | 'district' | 'importer' | 'other' | 'anonymous', HttpClient>;
  const jobs = {} as Record<'partial' | 'succeeded' | 'foreign' | 'own', JobRow>;
  let reportFile: string;

  /** A finished import job stored through the repository, as a run by another worker would leave it. */
  async function finishedJob(username: string, entity: string, outcome: JobOutcome): Promise<JobRow> {
    const { engine, clock } = ctx.engine;
    const account = await engine.db.knex('accounts').where('username', username).first('id', 'org_id') as { id: string; org_id: string };
    const at = () => clock.now().toISOString();
    clock.advance(60_000);
    const job = await engine.jobs.repository.create({ kind: 'import', entity, orgId: account.org_id, accountId: account.id, params: {},
      total: 3 }, { status: 'running', worker: 'route-test', leaseUntil: '9999-12-31T00:00:00.000Z' }, at(), 10);
    clock.advance(1500);
    return (await engine.jobs.repository.finish(job.id, 'route-test', outcome, at()))!;
  }

  /** A sub-account of 江岸区人民医院 holding `permissions`, logged in (real-name approval arranged). */
  async function subAccount(username: string, permissions: string[]): Promise<HttpClient> {
    const role = await clients.renmin.post('/api/roles', { name: `${username}角色`, permissions });
    const { body } = await clients.renmin.post('/api/accounts', { roleId: role.body.id, username, nickname: username });
    await ctx.engine.engine.db.knex('accounts').where('id', body.id).update({ real_name_status: 'approved' });
    ctx.engine.engine.auth.forgetAccount(body.id);
    const client = ctx.engine.client();
    await client.firstLogin(username);
    return client;
  }

  beforeAll(async () => {
    for (const [who, username] of [['renmin', 'jarmyy001'], ['zhongxin', 'jazxyy001'], ['district', 'jawjj0001']] as const) {
      clients[who] = ctx.engine.client();
      await clients[who].firstLogin(username);
    }
    clients.anonymous = ctx.engine.client();
    clients.importer = await subAccount('jarmydr01', ['hr.person.view', 'hr.person.import']);
    clients.other = await subAccount('jarmybm01', ['org.department']);
    reportFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'job-report-')), 'report.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('学历信息').addRows([['错误原因', '姓名'], ['证件号码：校验位不正确', '张三']]);
    await workbook.xlsx.writeFile(reportFile);
    jobs.partial = await finishedJob('jarmyy001', 'education', { status: 'partial', reportFile,
      counts: { total: 3, processed: 3, imported: 2, failed: 1 }, message: '共 3 条，成功 2 条，失败 1 条。' });
    jobs.succeeded = await finishedJob('jarmyy001', 'person', { status: 'succeeded', counts: { total: 3, processed: 3, imported: 3 } });
    jobs.foreign = await finishedJob('jazxyy001', 'person', { status: 'succeeded', counts: { total: 3, processed: 3, imported: 3 } });
    jobs.own = await finishedJob('jarmydr01', 'person', { status: 'failed', counts: { total: 3, processed: 3, failed: 3 } });
  });

  it('lists the import jobs of the user\'s organisation only, newest first, as API.md\'s job', async () => {
    const list = await clients.renmin.get('/api/imports/jobs');
    expect(list.status).toBe(200);
    expect(list.body.items.map((j: { id: string }) => j.id)).toEqual([jobs.own.id, jobs.succeeded.id, jobs.partial.id]);
    expect(list.body.total).toBe(3);
    expect(list.body.items[2]).toEqual({ id: jobs.partial.id, entity: 'education', status: 'partial', total: 3, processed: 3,
      imported: 2, failed: 1, createdAt: jobs.partial.createdAt, startedAt: jobs.partial.startedAt, finishedAt: jobs.partial.finishedAt,
      durationMs: 1500, message: '共 3 条，成功 2 条，失败 1 条。', hasReport: true });
    const other = await clients.zhongxin.get('/api/imports/jobs');
    expect(other.body).toMatchObject({ items: [{ id: jobs.foreign.id }], total: 1 });
    const paged = await clients.renmin.get('/api/imports/jobs?page=2&pageSize=2');
    expect(paged.body).toMatchObject({ items: [{ id: jobs.partial.id }], total: 3 });
    const bad = await clients.renmin.get('/api/imports/jobs?pageSize=0');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ code: 'BAD_QUERY', message: '参数 pageSize 应为 1 到 100 之间的整数。' });
  });

  it('answers one job as {job}, and 404 for another organisation\'s', async () => {
    const own = await clients.renmin.get(`/api/imports/jobs/${jobs.partial.id}`);
    expect(own.status).toBe(200);
    expect(own.body.job).toMatchObject({ id: jobs.partial.id, status: 'partial', imported: 2, failed: 1, hasReport: true });
    for (const url of [`/api/imports/jobs/${jobs.partial.id}`, `/api/imports/jobs/${jobs.partial.id}/error-report`]) {
      const foreign = await clients.zhongxin.get(url);
      expect(foreign.status).toBe(404);
      expect(foreign.body.errors[0].message).toContain('没有找到该导入任务');
    }
  });

  it('downloads the error report as .xlsx with a Chinese file name, and 404 when there is none', async () => {
    const response = await fetch(`${ctx.engine.baseUrl}/api/imports/jobs/${jobs.partial.id}/error-report`,
      { headers: { Cookie: clients.renmin.cookieHeader() } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="error-report\.xlsx"; filename\*=UTF-8''/);
    expect([response.headers.get('x-content-type-options'), response.headers.get('cache-control')]).toEqual(['nosniff', 'no-store']);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`学历信息导入错误报告-${jobs.partial.createdAt.slice(0, 10)}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets[0]!.getRow(2).values).toEqual([undefined, '证件号码：校验位不正确', '张三']);
    const none = await clients.renmin.get(`/api/imports/jobs/${jobs.succeeded.id}/error-report`);
    expect(none.status).toBe(404);
    expect(none.body.errors[0].message).toBe(jobMessages.noReport);
  });

  it('shows an importing account without 人员信息导入管理 only the jobs it started', async () => {
    const list = await clients.importer.get('/api/imports/jobs');
    expect(list.body).toMatchObject({ items: [{ id: jobs.own.id, status: 'failed' }], total: 1 });
    expect((await clients.importer.get(`/api/imports/jobs/${jobs.own.id}`)).status).toBe(200);
    expect((await clients.importer.get(`/api/imports/jobs/${jobs.partial.id}`)).status).toBe(404);
  });

  it('refuses accounts that may neither import nor see import jobs, and anonymous requests', async () => {
    for (const who of ['other', 'district'] as const) {
      const response = await clients[who].get('/api/imports/jobs');
      expect(response.status).toBe(403);
      expect(response.body.errors[0].message).toBe(jobMessages.noJobAccess);
      expect((await clients[who].get(`/api/imports/jobs/${jobs.partial.id}`)).status).toBe(403);
    }
    expect((await clients.anonymous.get('/api/imports/jobs')).status).toBe(401);
  });

  it('says the report is gone when its file was removed', async () => {
    fs.rmSync(reportFile);
    const response = await clients.renmin.get(`/api/imports/jobs/${jobs.partial.id}/error-report`);
    expect(response.status).toBe(404);
    expect(response.body.errors[0].message).toBe(jobMessages.reportGone);
  });
});
