import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { review } from '../../workflow/test/bpmn.js';

const base = (kind: string, key: string) => `/api/designer/definitions/${kind}/${key}`;

describe.each(testDatabases())('designer: drafts, publishing, versions (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let admin: HttpClient;
  let genderContent: Record<string, unknown>;

  beforeAll(async () => {
    admin = ctx.engine.client();
    await admin.firstLogin('sysadmin01');
    const detail = await admin.get(base('dictionary', 'gender'));
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    genderContent = detail.body.inForce.content;
  });

  it('lists definitions by kind with status, searches key and title, and tells the administrator every kind is editable', async () => {
    expect((await admin.get('/api/designer/me')).body.editableKinds).toEqual(expect.arrayContaining(['entity', 'process', 'ruleset', 'dictionary', 'menu']));
    const list = await admin.get('/api/designer/definitions?kind=ruleset');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ kind: 'ruleset', key: 'probation-2024', version: 1, hasDraft: false, editable: true })]);
    const found = await admin.get(`/api/designer/definitions?q=${encodeURIComponent('试用期')}`);
    expect(found.body.items.map((i: { key: string }) => i.key)).toEqual(expect.arrayContaining(['probation', 'probation-2024']));
    expect((await admin.get('/api/designer/definitions?kind=nonsense')).status).toBe(404);
  });

  it('keeps a draft exactly as typed even when invalid, with its problems, and refuses to publish it (nothing changes)', async () => {
    const broken = { ...genderContent, items: [{ code: '1' }] };
    const saved = await admin.put(`${base('dictionary', 'gender')}/draft`, { content: broken });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.draft).toMatchObject({ content: broken, basedOn: 1, updatedBy: 'sysadmin01' });
    expect(saved.body.problems).toEqual([expect.objectContaining({ path: '/items/0', message: '缺少必填属性「label」' })]);
    const detail = await admin.get(base('dictionary', 'gender'));
    expect(detail.body.draft.content).toEqual(broken);
    expect(detail.body.inForce.version).toBe(1);

    const refused = await admin.post(`${base('dictionary', 'gender')}/publish`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ path: '/items/0', message: '缺少必填属性「label」' });
    expect((await admin.get(base('dictionary', 'gender'))).body.versions).toHaveLength(1);
    expect((await admin.delete(`${base('dictionary', 'gender')}/draft`)).status).toBe(204);
    expect((await admin.get(base('dictionary', 'gender'))).body.draft).toBeNull();
  });

  it('refuses a draft whose kind/key differ from the address, or that is not an object', async () => {
    expect((await admin.put(`${base('dictionary', 'gender')}/draft`, { content: { ...genderContent, key: 'other' } })).status).toBe(400);
    expect((await admin.put(`${base('dictionary', 'gender')}/draft`, { content: [1] })).status).toBe(400);
    expect((await admin.put(`${base('nokind', 'gender')}/draft`, { content: genderContent })).status).toBe(404);
    const unknownKind = await admin.post('/api/designer/validate', { content: { ...genderContent, kind: 'form' } });
    expect(unknownKind.status).toBe(200);
    expect(unknownKind.body.problems).toContainEqual(expect.objectContaining({ path: '/kind' }));
  });

  it('validates like publishing: broken FEEL, an invalid schema and an unsupported BPMN element are refused with the reason', async () => {
    const ruleset = (await admin.get(base('ruleset', 'probation-2024'))).body.inForce.content;
    const rules = ruleset.rules.map((r: object, i: number) => (i === 0 ? { ...r, assert: 'startDate <= (endDate' } : r));
    const feel = await admin.post('/api/designer/validate', { content: { ...ruleset, rules } });
    expect(feel.body.problems).toContainEqual({ path: '/rules/0/assert', message: expect.stringMatching(/规则「startNotAfterEnd」的表达式有误/) });

    const person = (await admin.get(base('entity', 'person'))).body.inForce.content;
    const schema = { ...person, schema: { ...person.schema, properties: { ...person.schema.properties, age: { type: 'whole-number', title: '年龄' } } },
      uiSchema: { ...person.uiSchema, 'ui:order': [...person.uiSchema['ui:order'], 'age'] } };
    await admin.put(`${base('entity', 'person')}/draft`, { content: schema });
    const invalidSchema = await admin.post(`${base('entity', 'person')}/publish`, {});
    expect(invalidSchema.status).toBe(422);
    expect(invalidSchema.body.errors).toEqual([expect.objectContaining({ path: '/schema', message: expect.stringMatching(/JSON Schema 无法编译.*properties\/age\/type/) })]);
    expect((await admin.get(base('entity', 'person'))).body.versions).toHaveLength(1);

    const process = (await admin.get(base('process', 'institutionChange'))).body.inForce.content;
    const timer = review({}, '<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>');
    await admin.put(`${base('process', 'institutionChange')}/draft`, { content: { ...process, bpmn: timer } });
    const unsupported = await admin.post(`${base('process', 'institutionChange')}/publish`, {});
    expect(unsupported.status).toBe(422);
    expect(unsupported.body.errors.map((e: { message: string }) => e.message).join()).toContain('Wait');
    expect((await admin.get(base('process', 'institutionChange'))).body.versions).toHaveLength(1);
    const diff = await admin.get(`${base('process', 'institutionChange')}/diff`);
    expect(diff.body.changes).toEqual([expect.objectContaining({ path: '/bpmn', op: 'replace' })]);
    expect(diff.body.elements).toEqual(expect.arrayContaining([{ id: 'Wait', type: 'bpmn:IntermediateCatchEvent', op: 'add' },
      expect.objectContaining({ id: 'Task_BureauReview', op: 'remove' })]));
  });

  it('publishes a draft as a new version with a diff and an audit row, keeps versions immutable, and rolls back as a new version', async () => {
    const items = [...(genderContent.items as Array<{ code: string; label: string }>), { code: '8', label: '测试' }];
    await admin.put(`${base('dictionary', 'gender')}/draft`, { content: { ...genderContent, items } });
    const diff = await admin.get(`${base('dictionary', 'gender')}/diff?from=1&to=draft`);
    expect(diff.body.changes).toContainEqual({ path: `/items/${items.length - 1}`, op: 'add', after: { code: '8', label: '测试' } });
    const published = await admin.post(`${base('dictionary', 'gender')}/publish`, { note: '增加“测试”' });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body).toEqual({ version: 2 });
    expect((await admin.get('/api/dictionaries/gender')).body.items.map((i: { code: string }) => i.code)).toContain('8');

    const detail = await admin.get(base('dictionary', 'gender'));
    expect(detail.body.draft).toBeNull();
    expect(detail.body.versions.map((v: { version: number; note: string | null; publishedBy: string | null; source: string }) =>
      [v.version, v.note, v.publishedBy, v.source])).toEqual([[2, '增加“测试”', 'sysadmin01', 'designer'], [1, null, null, 'file']]);
    expect((await admin.get(`${base('dictionary', 'gender')}/versions/1`)).body.content).toEqual(genderContent);

    // No route changes a published version: only drafts are written.
    for (const method of ['put', 'delete'] as const) {
      expect((await admin.request(method.toUpperCase(), `${base('dictionary', 'gender')}/versions/1`, { content: {} })).status).toBe(404);
    }
    const rolledBack = await admin.post(`${base('dictionary', 'gender')}/rollback`, { version: 1 });
    expect(rolledBack.body).toEqual({ version: 3 });
    expect((await admin.get(`${base('dictionary', 'gender')}/versions/3`)).body.content).toEqual(genderContent);
    expect((await admin.get(`${base('dictionary', 'gender')}/versions/2`)).body.content.items).toHaveLength(items.length);
    expect((await admin.get('/api/dictionaries/gender')).body.items.map((i: { code: string }) => i.code)).not.toContain('8');

    const audit = await ctx.engine.engine.db.knex('audit_events').whereIn('action', ['definition.publish', 'definition.rollback']).orderBy('id');
    const details = audit.map((row: { action: string; details: unknown }) => [row.action,
      typeof row.details === 'string' ? JSON.parse(row.details) : row.details]);
    expect(details).toEqual([
      ['definition.publish', expect.objectContaining({ kind: 'dictionary', key: 'gender', version: 2, previousVersion: 1, changes: [`/items/${items.length - 1}`] })],
      ['definition.rollback', expect.objectContaining({ version: 3, fromVersion: 1, previousVersion: 2, changes: [`/items/${items.length - 1}`] })],
    ]);
  });

  it('refuses to publish a draft overtaken by a newer version, an unchanged draft, or a rollback to the version in force', async () => {
    const gender = base('dictionary', 'gender');
    const inForce = (await admin.get(gender)).body.inForce;
    expect((await admin.post(`${gender}/rollback`, { version: inForce.version })).body.errors[0].code).toBe('NO_CHANGES');
    await admin.put(`${gender}/draft`, { content: inForce.content });
    expect((await admin.post(`${gender}/publish`, {})).body.errors[0].code).toBe('NO_CHANGES');

    const renamed = { ...inForce.content, title: '性别代码' };
    expect((await admin.put(`${gender}/draft`, { content: renamed })).body.draft.basedOn).toBe(inForce.version);
    const overtaking = await admin.post(`${gender}/rollback`, { version: 2 });
    const stale = await admin.post(`${gender}/publish`, {});
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0]).toMatchObject({ code: 'DRAFT_STALE' });
    expect(stale.body.errors[0].message).toContain(`草稿基于第 ${inForce.version} 版，但其间已发布了第 ${overtaking.body.version} 版`);
    await admin.put(`${gender}/draft`, { content: renamed, basedOn: overtaking.body.version });
    expect((await admin.post(`${gender}/publish`, {})).body).toEqual({ version: overtaking.body.version + 1 });
  });
});
