import { beforeAll, describe, expect, it } from 'vitest';
import { dataSheet, importFile, loadWorkbook, rowsOf } from '../../imports/test/workbooks.js';
import { testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { decide, readyPerson, submit, touchPerson } from './fixture.js';

describe.each(testDatabases())('submitted candidates are locked in every write path (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient;
  let district: HttpClient;
  let locked: string;
  let free: string;
  let submissionId: string;

  const probationOf = async (personId: string) =>
    ((await renmin.get(`/api/data/probation?personId=${personId}`)).body.items as Array<{ id: string; version: number; data: Record<string, unknown> }>)[0]!;
  const educationOf = async (personId: string) =>
    ((await renmin.get(`/api/data/education?personId=${personId}`)).body.items as Array<{ id: string }>)[0]!;
  /** The person's rows exported and imported back with overwrite: the job's counts and the error report's reasons. */
  const reimport = async (entity: string, filter: string) => {
    const exported = await renmin.download(`/api/exports/${entity}?${filter}`);
    expect(exported.status).toBe(200);
    const response = await importFile(renmin, entity, exported.bytes, true);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const { job } = response.body;
    if (job.failed === 0) return { job, reasons: [] };
    const report = await loadWorkbook((await renmin.download(`/api/imports/jobs/${job.id}/error-report`)).bytes);
    return { job, reasons: rowsOf(dataSheet(report)).map((r) => String(r['错误原因'])) };
  };

  beforeAll(async () => {
    [renmin, district] = [ctx.engine.client(), ctx.engine.client()];
    await Promise.all([renmin.firstLogin('jarmyy001'), district.firstLogin('jawjj0001')]);
    locked = await readyPerson(renmin, '孙锁');
    free = await readyPerson(renmin, '孙放');
    submissionId = (await submit(renmin, [locked])).id;
  });

  it('refuses (423 CANDIDATE_LOCKED) to change the person or anything filed under them, and changes nothing', async () => {
    const person = await touchPerson(renmin, locked);
    expect(person.status).toBe(423);
    expect(person.body.errors).toEqual([{ code: 'CANDIDATE_LOCKED', message: expect.stringMatching(/^「孙锁」已上报 2024 年度医师资格考试预报名.*请先在「预报名上报」中撤回/) }]);
    const segment = await probationOf(locked);
    const created = await renmin.post('/api/data/probation', { data: { ...segment.data, startDate: '2024-02-01', endDate: '2024-03-31', duration: undefined } });
    expect(created.status).toBe(423);
    expect((await renmin.put(`/api/data/probation/${segment.id}`, { version: segment.version, data: { ...segment.data, supervisor: '周医生' } })).status).toBe(423);
    expect((await renmin.delete(`/api/data/education/${(await educationOf(locked)).id}`)).status).toBe(423);
    expect((await renmin.delete(`/api/data/person/${locked}`)).status).toBe(423);
    const batch = await renmin.post('/api/data/degree/batch', { items: [{ data: { personId: locked, degree: '410', school: '武汉大学', awardDate: '2015-06-30' } }] });
    expect(batch.status).toBe(423);
    // Moving a locked person's record to another person is a change of the locked person's data too.
    expect((await renmin.put(`/api/data/probation/${segment.id}`, { version: segment.version, data: { ...segment.data, personId: free } })).status).toBe(423);
    expect((await probationOf(locked)).version).toBe(segment.version);
    expect((await touchPerson(renmin, free)).status).toBe(200);
  });

  it('refuses the locked person\'s rows of an import with overwrite, row by row, while the others go in', async () => {
    const people = await reimport('person', `q=${encodeURIComponent('孙')}`);
    expect(people.job).toMatchObject({ status: 'partial', imported: 1, failed: 1 });
    expect(people.reasons).toEqual([expect.stringContaining('「孙锁」已上报 2024 年度医师资格考试预报名')]);
    const probation = await reimport('probation', `personId=${locked}`);
    expect(probation.job).toMatchObject({ status: 'failed', imported: 0, failed: 1 });
    expect(probation.reasons[0]).toContain('审核期间不能修改');
  });

  it('unlocks the candidate once the district returns them', async () => {
    expect((await decide(district, submissionId, { outcome: 'reject', comment: '请补充带教老师信息' })).status).toBe(200);
    expect((await touchPerson(renmin, locked)).status).toBe(200);
    const segment = await probationOf(locked);
    expect((await renmin.put(`/api/data/probation/${segment.id}`, { version: segment.version, data: { ...segment.data, supervisor: '周医生' } })).status).toBe(200);
    expect((await reimport('probation', `personId=${locked}`)).job).toMatchObject({ status: 'succeeded', imported: 1 });
  });
});
