import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isoNow } from '../../clock/index.js';
import type { JobContext, JobRow } from '../../jobs/index.js';
import { residentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { ImportJobHandler } from '../index.js';
import { dataSheet, fill, importFile, loadWorkbook, rowsOf, template, type Cells } from './workbooks.js';

const PEOPLE = 12;
const person = (i: number) => ({ name: `续导${i}`, idNumber: residentId('1992-03-04', String(200 + i * 2)) });
const segment = (i: number, start: string, end: string): Cells => ({ 机构名称: '江岸区人民医院', 姓名: person(i).name,
  证件类型: '居民身份证', 证件号码: person(i).idNumber, 所在部门: '内科', 考生类型: '非应届', 考试年度: 2024,
  试用期开始日期: start, 试用期结束日期: end, 带教老师: '赵医生', 带教执业证书编码: '110420100000001' });

/**
 * An import stopped between two chunks (as a restart stops it) and run again from the checkpoint
 * its last chunk committed: every row ends up written once, and the rows that failed before the
 * stop are still in the error report.
 */
describe.each(testDatabases())('an import resumed from its checkpoint (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient;

  beforeAll(async () => {
    renmin = ctx.engine.client();
    await renmin.firstLogin('jarmyy001');
    const people = Array.from({ length: PEOPLE }, (_, i) => ({ 机构名称: '江岸区人民医院', 姓名: person(i).name, 证件类型: '居民身份证',
      证件号码: person(i).idNumber, '国籍/地区': '中国', 所在部门: '内科', 在职状态: '在岗人员' }));
    const done = await importFile(renmin, 'person', await fill(await template(renmin, 'person'), people));
    expect(done.body.job).toMatchObject({ status: 'succeeded', imported: PEOPLE });
  });

  it('writes each row once and still reports the rows that failed before the stop', async () => {
    const { engine } = ctx.engine;
    // Two segments per person; person 1 (in the first chunk) has a gap, so both of its rows fail.
    const rows = Array.from({ length: PEOPLE }, (_, i) => [segment(i, '2023-01-01', '2023-06-30'),
      segment(i, i === 1 ? '2023-07-03' : '2023-07-01', '2024-01-31')]).flat();
    const file = path.join(engine.config.dataDir, 'resume.xlsx');
    fs.writeFileSync(file, await fill(await template(renmin, 'probation'), rows));
    const account = await engine.db.knex('accounts').where('username', 'jarmyy001').first('id', 'org_id') as { id: string; org_id: string };
    const now = isoNow(engine.clock);
    const created = await engine.jobs.repository.create({ kind: 'import', entity: 'probation', orgId: account.org_id, accountId: account.id,
      params: { file, overwrite: false, entity: 'probation' }, total: 0 }, { status: 'running', worker: 'test', leaseUntil: '2999-01-01T00:00:00.000Z' }, now, 10);
    const handler = new ImportJobHandler({ db: engine.db, registry: engine.registry, access: engine.access, auth: engine.auth,
      clock: engine.clock, reportDir: path.join(engine.config.dataDir, 'reports'), unitsPerChunk: 4 });
    const contextOf = (job: JobRow, signal: AbortSignal): JobContext => ({ job, resumed: job.checkpoint !== null, signal,
      progress: async (counts, checkpoint) => { await engine.jobs.repository.progress(job.id, 'test', counts, checkpoint, isoNow(engine.clock)); } });

    // The first run stops before its third chunk (the checks: one per chunk read, one per chunk written), as a restart does.
    const controller = new AbortController();
    let boundaries = 0;
    const stopping = new Proxy(controller.signal, { get: (target, key) => (key === 'throwIfAborted'
      ? () => { boundaries += 1; if (boundaries === 4) controller.abort('stop'); target.throwIfAborted(); }
      : Reflect.get(target, key, target)) });
    await expect(handler.run(contextOf(created, stopping))).rejects.toBe('stop');
    const stopped = (await engine.jobs.repository.get(created.id))!;
    expect(stopped.checkpoint).toEqual({ units: 8, failedRows: [4, 5] });
    expect(stopped).toMatchObject({ processed: 16, imported: 14, failed: 2 });
    expect((await renmin.get('/api/data/probation')).body.total).toBe(14);

    const outcome = await handler.run(contextOf(stopped, new AbortController().signal));
    expect(outcome).toMatchObject({ status: 'partial', counts: { total: 2 * PEOPLE, imported: 2 * PEOPLE - 2, failed: 2 } });
    const stored = (await renmin.get('/api/data/probation?pageSize=100')).body.items as Array<{ data: { personId: string; startDate: string } }>;
    expect(stored).toHaveLength(2 * PEOPLE - 2);
    expect(new Set(stored.map((s) => `${s.data.personId}/${s.data.startDate}`)).size).toBe(stored.length);
    const report = rowsOf(dataSheet(await loadWorkbook(fs.readFileSync(outcome.reportFile!))));
    expect(report.map((r) => r['姓名'])).toEqual([person(1).name, person(1).name]);
    expect(fs.existsSync(file)).toBe(false);
  });
});
