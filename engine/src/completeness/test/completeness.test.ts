import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId, personData, PNG_1X1, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

describe.each(testDatabases())('completeness of a person for 预报名 (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient;
  let zhongxin: HttpClient;
  let person: { id: string; version: number; data: Record<string, unknown> };
  const completeness = async (client: HttpClient, ids: string) => (await client.get(`/api/completeness/person?ids=${ids}`));

  beforeAll(async () => {
    [renmin, zhongxin] = [ctx.engine.client(), ctx.engine.client()];
    await Promise.all([renmin.firstLogin('jarmyy001'), zhongxin.firstLogin('jazxyy001')]);
    person = (await renmin.post('/api/data/person', { data: personData({ departmentId: await departmentId(renmin, '内科') }) })).body;
  });

  it('lists what a new person lacks, in words', async () => {
    const response = await completeness(renmin, person.id);
    expect(response.status).toBe(200);
    const [view] = response.body.items;
    expect(view).toMatchObject({ id: person.id, complete: false, total: 9, met: 5 });
    expect(view.missing.map((m: { message: string }) => m.message)).toEqual([
      '「基本信息」缺少：手机号码、岗位', '「民族」缺少：民族', '尚未填写「学历信息」', '尚未填写「试用期信息」',
    ]);
  });

  it('is complete once the details are there, and counts related records without their scan', async () => {
    const post = (await renmin.post('/api/data/post', { data: { name: '住院医师' } })).body.id;
    const updated = await renmin.put(`/api/data/person/${person.id}`, { version: person.version,
      data: { ...person.data, mobile: '13800138000', postId: post, nation: '01' } });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    const scan = (await renmin.upload('/api/files', '毕业证.png', PNG_1X1, 'image/png')).body.id;
    const education = { personId: person.id, educationLevel: '21', school: '武汉大学', major: '临床医学', graduationDate: '2015-06-30' };
    expect((await renmin.post('/api/data/education', { data: { ...education, scan } })).status).toBe(201);
    const probation = await renmin.post('/api/data/probation', { data: { personId: person.id, candidateType: 'nonFresh', examYear: 2024,
      startDate: '2023-01-01', endDate: '2024-01-31', supervisor: '李四', supervisorCertificateCode: '110420100000001' } });
    expect(probation.status, JSON.stringify(probation.body)).toBe(201);
    expect((await completeness(renmin, person.id)).body.items[0]).toEqual({ id: person.id, complete: true, met: 9, total: 9, missing: [] });

    const actor = await ctx.engine.engine.auth.actorForAccount((await renmin.get('/api/auth/me')).body.user.id);
    await ctx.engine.engine.records.createMany(actor, 'degree', [{ data: { personId: person.id, degree: '410', school: '武汉大学', awardDate: '2015-06-30' } }], 'import');
    const [view] = (await completeness(renmin, person.id)).body.items;
    expect(view.missing).toEqual([{ code: 'degreeScans', title: '学位信息', message: '有 1 条「学位信息」缺少：学位证书扫描件' }]);
  });

  it('answers only for records the user may see, and refuses a malformed id list', async () => {
    expect((await completeness(zhongxin, person.id)).body.items).toEqual([]);
    expect((await completeness(renmin, '')).status).toBe(400);
    expect((await completeness(renmin, Array.from({ length: 101 }, (_v, i) => `id${i}`).join(','))).status).toBe(400);
    expect((await renmin.get('/api/completeness/department?ids=x')).status).toBe(404);
  });
});
