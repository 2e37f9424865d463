import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { transferActions } from '../index.js';
import { actorFor } from '../../workflow/runtime/test/workflowFixture.js';
import { applyFor, probationOf, review, staffMember, type StaffMember } from './transferFixture.js';

describe.each(testDatabases())('a transfer moves the person with their records (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient;
  let zhongxin: HttpClient;
  let person: StaffMember;
  let transfer: { id: string; instanceId: string };
  const knex = () => ctx.engine.engine.db.knex;
  const versions = async (ids: string[]) => Object.fromEntries((await knex()('records').whereIn('id', ids).select('id', 'org_id', 'version'))
    .map((r: { id: string; org_id: string; version: number }) => [r.id, `${r.org_id}:${r.version}`]));

  beforeAll(async () => {
    [renmin, zhongxin] = [ctx.engine.client(), ctx.engine.client()];
    await Promise.all([renmin.firstLogin('jarmyy001'), zhongxin.firstLogin('jazxyy001')]);
    person = await staffMember(renmin, '张三', '123', '110420100000000000000001');
    transfer = await applyFor(zhongxin, person);
    await review(renmin, transfer.instanceId, 'approve', '同意调出');
  });

  it('moves the person and every linked record but probation, with keys, references, scans and audit', async () => {
    const done = (await zhongxin.get(`/api/transfers/${transfer.id}`)).body.transfer;
    expect(done).toMatchObject({ status: 'approved', stage: null, message: null, outcome: {
      moved: { person: 1, education: 1, degree: 1, physicianQualification: 1 }, leftBehind: { probation: 1 }, files: 3 } });
    const moved = await zhongxin.get(`/api/data/person/${person.id}`);
    expect(moved.status).toBe(200);
    expect(moved.body.data.departmentId).toBe(await departmentId(zhongxin, '外科'));
    expect(moved.body.data.postId).toBeUndefined(); // the post was the releasing institution's
    expect((await renmin.get(`/api/data/person/${person.id}`)).status).toBe(404);
    for (const entity of ['education', 'degree', 'physicianQualification']) {
      expect((await zhongxin.get(`/api/data/${entity}/${person.linked[entity]}`)).status, entity).toBe(200);
      expect((await renmin.get(`/api/data/${entity}/${person.linked[entity]}`)).status, entity).toBe(404);
    }
    for (const scan of person.scans) {
      expect((await zhongxin.get(`/api/files/${scan}/meta`)).status).toBe(200);
      expect((await renmin.get(`/api/files/${scan}/meta`)).status).toBe(404);
    }
    const zhongxinOrg = (await zhongxin.get('/api/auth/me')).body.user.orgId;
    const keys = await knex()('record_keys').whereIn('record_id', [person.id, person.linked.physicianQualification!]);
    expect(keys.map((k: { org_id: string }) => k.org_id)).toEqual([zhongxinOrg, zhongxinOrg]);
    const audit = await knex()('audit_events').where({ action: 'record.transfer', record_id: person.id });
    expect(audit).toHaveLength(1);
    expect(ctx.engine.engine.db.dialect.parseJson(audit[0].details)).toMatchObject({ transferId: transfer.id, toOrgId: zhongxinOrg });
    // Edited by its new institution like any of its records.
    const edited = await zhongxin.put(`/api/data/person/${person.id}`, { version: moved.body.version, data: { ...moved.body.data, mobile: '13800138000' } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
  });

  it('leaves probation with the releasing institution as read-only history; the new one files it again', async () => {
    const probationId = person.linked.probation!;
    const kept = await renmin.get(`/api/data/probation/${probationId}`);
    expect(kept.status).toBe(200);
    expect((await zhongxin.get(`/api/data/probation/${probationId}`)).status).toBe(404);
    const edit = await renmin.put(`/api/data/probation/${probationId}`, { version: kept.body.version, data: { ...kept.body.data, supervisor: '王五' } });
    expect(edit.status).toBe(423);
    expect(edit.body.errors[0]).toMatchObject({ code: 'TRANSFERRED_AWAY' });
    expect(edit.body.errors[0].message).toContain('历史记录保留');
    expect((await renmin.delete(`/api/data/probation/${probationId}`)).status).toBe(423);

    const completeness = (await zhongxin.get(`/api/completeness/person?ids=${person.id}`)).body.items[0];
    expect(completeness.missing.map((m: { code: string }) => m.code)).toContain('probation');
    // The same segment again: the old one is not in the new institution's group, so nothing overlaps.
    const refiled = await zhongxin.post('/api/data/probation', { data: probationOf(person.id) });
    expect(refiled.status, JSON.stringify(refiled.body)).toBe(201);
  });

  it('shows the transfer and its history to both sides', async () => {
    for (const client of [renmin, zhongxin]) {
      const seen = (await client.get(`/api/transfers/${transfer.id}`)).body.transfer;
      expect(seen).toMatchObject({ fromOrgName: '江岸区人民医院', toOrgName: '江岸区中心医院', departmentName: '外科', personName: '张三' });
      expect(seen.events.map((e: { type: string; outcome: string | null }) => e.outcome ?? e.type))
        .toEqual(['started', 'taskCreated', 'approve', 'serviceRan', 'ended']);
    }
    expect((await renmin.get('/api/transfers/out?status=approved')).body.items.map((t: { id: string }) => t.id)).toEqual([transfer.id]);
    expect((await zhongxin.get(`/api/transfers/in?personId=${person.id}`)).body.total).toBe(1);
    expect((await zhongxin.get('/api/transfers/out')).body.total).toBe(0);
  });

  it('runs the approval action again without changing anything (idempotent)', async () => {
    const ids = [person.id, ...Object.values(person.linked)];
    const before = await versions(ids);
    const audits = (await knex()('audit_events').count({ n: '*' }))[0]!.n;
    const instance = (await ctx.engine.engine.workflow.repository.getInstance(transfer.instanceId))!;
    const actor = await actorFor(ctx.engine.engine, 'jarmyy001');
    const actions = transferActions({ db: ctx.engine.engine.db, registry: ctx.engine.engine.registry, cipher: ctx.engine.engine.cipher });
    await knex().transaction((trx) => actions['transfer.apply']!({ trx, instance, actor, nodeId: 'Service_Apply', now: new Date().toISOString(), comment: null }));
    expect(await versions(ids)).toEqual(before);
    expect((await knex()('audit_events').count({ n: '*' }))[0]!.n).toBe(audits);
  });

  it('ends as failed, moving nothing, when a key clashes in the receiving institution at approval time', async () => {
    const wang = await staffMember(renmin, '王五', '135', '110420100000000000000002');
    const pending = await applyFor(zhongxin, wang);
    const other = await staffMember(zhongxin, '赵六', '147', '110420100000000000000002'); // same certificate code, filed meanwhile
    expect(other.id).toBeTruthy();
    const ids = [wang.id, ...Object.values(wang.linked)];
    const before = await versions(ids);
    await review(renmin, pending.instanceId, 'approve');
    const failed = (await zhongxin.get(`/api/transfers/${pending.id}`)).body.transfer;
    expect(failed.status).toBe('failed');
    expect(failed.message).toContain('接收单位已有相同的「医师资格证」');
    expect(await versions(ids)).toEqual(before);
    expect((await renmin.get(`/api/data/person/${wang.id}`)).status).toBe(200);
  });
});
