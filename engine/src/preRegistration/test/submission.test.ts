import { beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, departmentId, personData, residentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { candidates, decide, readyPerson, reviewTask, submit, touchPerson, YEAR } from './fixture.js';

describe.each(testDatabases())('pre-registration submission and district review (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient;
  let zhongxin: HttpClient;
  let district: HttpClient;
  let elsewhere: HttpClient;
  const ids: Record<string, string> = {};
  let unready: string;

  beforeAll(async () => {
    [renmin, zhongxin, district, elsewhere] = [ctx.engine.client(), ctx.engine.client(), ctx.engine.client(), ctx.engine.client()];
    await addOrganisation(ctx.engine.engine, { name: '江汉区卫生健康局', level: 'district', parentName: '武汉市卫生健康委员会', username: 'jhwjj0001' });
    await Promise.all([renmin.firstLogin('jarmyy001'), zhongxin.firstLogin('jazxyy001'), district.firstLogin('jawjj0001'),
      elsewhere.firstLogin('jhwjj0001')]);
    for (const name of ['王一', '王二', '王三', '王四']) ids[name] = await readyPerson(renmin, name);
    unready = (await renmin.post('/api/data/person', { data: personData({ name: '赵缺', idNumber: residentId('1991-02-03', '555'),
      departmentId: await departmentId(renmin, '外科') }) })).body.id;
  });

  it('lists every person with readiness: what is missing and where to add it; no rule set for a year says so', async () => {
    const list = await candidates(renmin);
    expect(list.get(ids['王一']!)).toMatchObject({ name: '王一', status: 'none', statusLabel: '未上报', readiness: { ready: true, reasons: [] } });
    const reasons = list.get(unready)!.readiness;
    expect(reasons.ready).toBe(false);
    expect(reasons.reasons.map((r) => r.message)).toEqual([
      '「基本信息」缺少：手机号码、岗位。请在「基本信息」中补充。',
      '「民族」缺少：民族。请在「基本信息」中补充。',
      '尚未填写「学历信息」。请在「学历信息」中补充。',
      `没有 ${YEAR} 年度的试用期信息：请在「试用期填报」中为该人员填写 ${YEAR} 年度的试用期。`,
    ]);
    const next = await candidates(renmin, 2025);
    expect(next.get(ids['王一']!)!.readiness.reasons.map((r) => r.code)).toEqual(['NO_RULESET']);
    expect((await renmin.get('/api/pre-registration/24/candidates')).status).toBe(400);
    expect((await zhongxin.get(`/api/pre-registration/${YEAR}/candidates`)).body.total).toBe(0);
    expect((await district.get(`/api/pre-registration/${YEAR}/candidates`)).status).toBe(403);
  });

  it('judges probation by the year\'s rules on what is stored now (a person no longer on duty is not ready)', async () => {
    const person = (await renmin.get(`/api/data/person/${ids['王四']!}`)).body;
    // 在职状态 changes one person at a time (x-singleEdit): the stored probation stays, the rule now fails.
    expect((await renmin.put(`/api/data/person/${ids['王四']!}`, { version: person.version, data: { ...person.data, employmentStatus: '2' } })).status)
      .toBe(200);
    const reasons = (await candidates(renmin)).get(ids['王四']!)!.readiness.reasons;
    expect(reasons.map((r) => r.code)).toEqual(['personOnDuty']);
    expect(reasons[0]!.message).toMatch(/^试用期（2023-01-01 至 2024-01-31）：只能为本机构在职状态为“在岗人员”的人员填报试用期.*请在「试用期填报」中修改。$/);
    const back = (await renmin.get(`/api/data/person/${ids['王四']!}`)).body;
    expect((await renmin.put(`/api/data/person/${ids['王四']!}`, { version: back.version, data: { ...back.data, employmentStatus: '1' } })).status)
      .toBe(200);
  });

  it('refuses a submission with a not-ready person (422, each with reasons), an unknown or foreign person (404), storing nothing', async () => {
    const refused = await renmin.post(`/api/pre-registration/${YEAR}/submissions`, { personIds: [ids['王一'], unready] });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors[0]).toMatchObject({ code: 'CANDIDATE_NOT_READY', path: '/personIds/1', personId: unready });
    expect(refused.body.errors[0].message).toMatch(/^「赵缺」暂不能上报：「基本信息」缺少/);
    expect((await zhongxin.post(`/api/pre-registration/${YEAR}/submissions`, { personIds: [ids['王一']] })).status).toBe(404);
    expect((await renmin.post(`/api/pre-registration/${YEAR}/submissions`, { personIds: [] })).status).toBe(400);
    expect((await district.post(`/api/pre-registration/${YEAR}/submissions`, { personIds: [ids['王一']] })).status).toBe(403);
    expect([...(await candidates(renmin)).values()].every((c) => c.status === 'none')).toBe(true);
  });

  it('submits, locks, shows the batch to the district only, which accepts it returning one candidate with a reason', async () => {
    const submission = await submit(renmin, [ids['王一']!, ids['王二']!]);
    expect(submission.status).toBe('reviewing');
    const listed = await candidates(renmin);
    expect(listed.get(ids['王一']!)).toMatchObject({ status: 'reviewing', statusLabel: '审核中' });
    const again = await renmin.post(`/api/pre-registration/${YEAR}/submissions`, { personIds: [ids['王三'], ids['王一']] });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ code: 'CANDIDATE_SUBMITTED', path: '/personIds/1' })]);

    expect(await reviewTask(renmin, submission.id)).toBeUndefined();
    expect(await reviewTask(elsewhere, submission.id)).toBeUndefined();
    const task = await reviewTask(district, submission.id);
    expect(task).toMatchObject({ processKey: 'preRegistration', form: { view: 'candidateList' }, data: { examYear: YEAR, institution: '江岸区人民医院', count: 2 } });
    for (const outsider of [zhongxin, elsewhere]) expect((await outsider.get(`/api/pre-registration/submissions/${submission.id}`)).status).toBe(404);
    const seen = await district.get(`/api/pre-registration/submissions/${submission.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((i: { snapshot: { name: string; department: string; candidateType: string } }) => i.snapshot))
      .toEqual([expect.objectContaining({ name: '王一', department: '内科', candidateType: '非应届', probation: ['2023-01-01 至 2024-01-31'] }),
        expect.objectContaining({ name: '王二' })]);

    const stranger = await decide(district, submission.id, { outcome: 'approve', data: { returns: [{ personId: ids['王三'], reason: '不在本批' }] } });
    expect(stranger.status).toBe(422);
    const noReason = await decide(district, submission.id, { outcome: 'approve', data: { returns: [{ personId: ids['王二'], reason: ' ' }] } });
    expect(noReason.body.errors[0]).toMatchObject({ path: '/data/returns/0/reason' });
    expect((await candidates(renmin)).get(ids['王二']!)!.status).toBe('reviewing');

    const done = await decide(district, submission.id, { outcome: 'approve', comment: '同意',
      data: { returns: [{ personId: ids['王二'], reason: '学历证书扫描件不清晰，请重新上传' }] } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const after = await candidates(renmin);
    expect(after.get(ids['王一']!)).toMatchObject({ status: 'accepted', statusLabel: '已接收', returnReason: null });
    expect(after.get(ids['王二']!)).toMatchObject({ status: 'returned', statusLabel: '已退回', returnReason: '学历证书扫描件不清晰，请重新上传' });
    expect((await touchPerson(renmin, ids['王二']!)).status).toBe(200);
    const locked = await touchPerson(renmin, ids['王一']!);
    expect(locked.status).toBe(423);
    expect(locked.body.errors[0].message).toContain('已被卫生健康局接收');
    expect((await renmin.get(`/api/pre-registration/submissions/${submission.id}`)).body.submission).toMatchObject({ status: 'accepted' });

    // The returned candidate, fixed, goes in a new submission; the accepted one cannot be submitted again.
    expect((await renmin.post(`/api/pre-registration/${YEAR}/submissions`, { personIds: [ids['王一']] })).body.errors[0].message)
      .toContain('已被接收');
    const resubmitted = await submit(renmin, [ids['王二']!]);
    expect(resubmitted.id).not.toBe(submission.id);
    expect((await candidates(renmin)).get(ids['王二']!)!.status).toBe('reviewing');
  });

  it('returns a whole batch only with a reason; every candidate is unlocked and may be submitted again', async () => {
    const { submissionId } = (await candidates(renmin)).get(ids['王二']!)!;
    const bare = await decide(district, submissionId, { outcome: 'reject' });
    expect(bare.status).toBe(422);
    expect(bare.body.errors[0]).toMatchObject({ code: 'RETURN_REASON', path: '/comment' });
    expect((await touchPerson(renmin, ids['王二']!)).status).toBe(423);
    expect((await decide(district, submissionId, { outcome: 'reject', comment: '试用期证明材料不全' })).status).toBe(200);
    expect((await candidates(renmin)).get(ids['王二']!)).toMatchObject({ status: 'returned', returnReason: '试用期证明材料不全' });
    expect((await touchPerson(renmin, ids['王二']!, '13600136000')).status).toBe(200);
    expect((await renmin.get(`/api/pre-registration/submissions/${submissionId}`)).body.submission)
      .toMatchObject({ status: 'returned', reason: '试用期证明材料不全', statusLabel: '已退回' });
    await submit(renmin, [ids['王二']!]);
  });

  it('lets the submitter withdraw while the district has not acted, unlocking everyone; afterwards it is too late', async () => {
    const submission = await submit(renmin, [ids['王三']!]);
    expect((await touchPerson(renmin, ids['王三']!)).status).toBe(423);
    expect((await zhongxin.post(`/api/pre-registration/submissions/${submission.id}/withdraw`)).status).toBe(404);
    const withdrawn = await renmin.post(`/api/pre-registration/submissions/${submission.id}/withdraw`);
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.submission).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回' });
    expect((await candidates(renmin)).get(ids['王三']!)).toMatchObject({ status: 'none' });
    expect((await touchPerson(renmin, ids['王三']!, '13500135000')).status).toBe(200);
    expect(await reviewTask(district, submission.id)).toBeUndefined();
    expect((await renmin.post(`/api/pre-registration/submissions/${submission.id}/withdraw`)).status).toBe(409);

    const next = await submit(renmin, [ids['王三']!]);
    expect((await decide(district, next.id, { outcome: 'approve' })).status).toBe(200);
    expect((await renmin.post(`/api/pre-registration/submissions/${next.id}/withdraw`)).status).toBe(409);
    expect((await candidates(renmin)).get(ids['王三']!)!.status).toBe('accepted');
  });

  it('runs an acceptance step again without changing anything twice (idempotent action)', async () => {
    const { engine } = ctx.engine;
    const submission = (await renmin.get(`/api/pre-registration/${YEAR}/candidates`)).body.submissions
      .find((s: { status: string }) => s.status === 'accepted') as { id: string; instanceId: string; decidedAt: string };
    const instance = (await engine.workflow.repository.getInstance(submission.instanceId))!;
    const actions = (engine.workflow as unknown as { actions: { get(name: string): (c: unknown) => Promise<void> } }).actions;
    const actor = await engine.auth.actorForAccount((await district.get('/api/auth/me')).body.user.id);
    const before = (await renmin.get(`/api/pre-registration/submissions/${submission.id}`)).body;
    // Were it not idempotent, this repeat would return 王三 from the batch already accepted.
    const returns = [{ personId: ids['王三'], reason: '重复执行' }];
    await engine.db.knex.transaction((trx) => actions.get('preRegistration.accept')({ trx, instance: { ...instance, data: { returns } },
      actor, nodeId: 'Service_Accept', now: new Date().toISOString(), comment: null }));
    expect((await renmin.get(`/api/pre-registration/submissions/${submission.id}`)).body).toEqual(before);
    expect(before.items.map((i: { status: string }) => i.status)).toEqual(['accepted']);
  });
});
