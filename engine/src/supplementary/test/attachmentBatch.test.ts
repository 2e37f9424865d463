import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../files/index.js';
import {
  departmentId, JPEG_1X1, personData, PNG_1X1, residentId, testDatabases, useTestEngine, type HttpClient, type TestEngine,
} from '../../testing/index.js';
import { NO_ID_NUMBER } from '../index.js';

const BASE = '/api/attachment-batches/probation';
const segment = (personId: string, startDate: string, endDate: string) => ({ data: { personId, candidateType: 'nonFresh',
  examYear: 2024, startDate, endDate, supervisor: '李四', supervisorCertificateCode: '110420100000001' } });
const foreigner = (name: string, nationality: string, documentType: string, idNumber: string, department: string) =>
  personData({ name, nationality, documentType, idNumber, sex: '1', birthDate: '1995-03-01', departmentId: department });

/** Several files (and the exam year after them: the order of parts does not matter) in one multipart body. */
function form(files: Array<[string, Buffer]>, examYear?: number): FormData {
  const body = new FormData();
  for (const [name, bytes] of files) body.append('file', new Blob([bytes], { type: 'image/jpeg' }), name);
  if (examYear !== undefined) body.append('examYear', String(examYear));
  return body;
}

/** A person with probation segments of 2024 filed through the import channel (no material needed there). */
async function personWithProbation(test: TestEngine, client: HttpClient, data: Record<string, unknown>, segments = 1): Promise<string> {
  const person = await client.post('/api/data/person', { data });
  expect(person.status, JSON.stringify(person.body)).toBe(201);
  const actor = await test.engine.auth.actorForAccount((await client.get('/api/auth/me')).body.user.id);
  const items = segments === 1 ? [segment(person.body.id, '2023-01-01', '2024-01-31')]
    : [segment(person.body.id, '2023-01-01', '2023-06-30'), segment(person.body.id, '2023-07-01', '2024-01-31')];
  await test.engine.records.createMany(actor, 'probation', items, 'import');
  return person.body.id;
}

describe.each(testDatabases())('批量导入附件信息 of probation (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient;
  let zhongxin: HttpClient;
  const ids = {} as Record<'hk' | 'us' | 'tw' | 'cn' | 'otherHk', string>;
  let waike: string;
  const list = async (client: HttpClient, query = '') => client.get(`${BASE}${query}`);
  const names = async (query = '') => ((await list(renmin, query)).body.items as Array<{ name: string }>).map((i) => i.name);
  const segmentsOf = async (personId: string) => ((await renmin.get(`/api/data/probation?personId=${personId}`)).body.items as
    Array<{ data: Record<string, unknown> }>).map((r) => r.data.supplementaryMaterial);

  beforeAll(async () => {
    const test = ctx.engine;
    [renmin, zhongxin] = [test.client(), test.client()];
    await Promise.all([renmin.firstLogin('jarmyy001'), zhongxin.firstLogin('jazxyy001')]);
    const neike = await departmentId(renmin, '内科');
    waike = await departmentId(renmin, '外科');
    ids.hk = await personWithProbation(test, renmin, foreigner('陈港生', 'HKG', '06', 'H10000001', neike), 2);
    ids.us = await personWithProbation(test, renmin, foreigner('史密斯', 'USA', '03', 'P20000002', waike));
    ids.tw = await personWithProbation(test, renmin, foreigner('林台生', 'TWN', '07', '30000003', neike));
    ids.cn = await personWithProbation(test, renmin, personData({ departmentId: neike }));
    ids.otherHk = await personWithProbation(test, zhongxin,
      foreigner('何港生', 'HKG', '06', 'H40000004', await departmentId(zhongxin, '内科')));
  });

  it('is declared on the entity and lists who needs the material, by department, all 未上传 at first', async () => {
    expect((await renmin.get('/api/entities/probation')).body.attachmentBatch).toEqual({ field: 'supplementaryMaterial',
      rule: 'supplementaryMaterialForSpecialGroups', title: '批量导入附件信息' });
    const response = await list(renmin);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ examYear: 2024, years: [2024] });
    expect(response.body.items).toEqual([
      expect.objectContaining({ personId: ids.hk, name: '陈港生', idNumberMasked: 'H1*****01', departmentName: '内科',
        status: 'missing', fileId: null }),
      expect.objectContaining({ personId: ids.tw, name: '林台生', departmentName: '内科', status: 'missing' }),
      expect.objectContaining({ personId: ids.us, name: '史密斯', departmentId: waike, departmentName: '外科', status: 'missing' }),
    ]);
    expect(response.body.items[0].recordIds).toHaveLength(2);
    expect(JSON.stringify(response.body)).not.toContain('H10000001');
  });

  it('filters by status, department and text (name, department name or the whole ID number)', async () => {
    expect(await names('?status=uploaded')).toEqual([]);
    expect(await names(`?departmentId=${waike}`)).toEqual(['史密斯']);
    expect(await names(`?q=${encodeURIComponent('林台')}`)).toEqual(['林台生']);
    expect(await names(`?q=${encodeURIComponent('外科')}`)).toEqual(['史密斯']);
    expect(await names('?q=h10000001')).toEqual(['陈港生']);
    expect(await names('?q=H1000')).toEqual([]);
    expect(await names('?examYear=2023')).toEqual([]);
    expect((await list(renmin, '?status=done')).status).toBe(400);
    expect((await list(renmin, '?examYear=abc')).body.errors[0].message).toBe('请选择考试年度（examYear，如 2024）。');
  });

  it('takes many images at once: each matched by the ID number in its name, the rest reported with the reason', async () => {
    const response = await renmin.postForm(`${BASE}/files`, form([
      ['H10000001_陈港生.jpg', JPEG_1X1], ['史密斯 P20000002.JPG', JPEG_1X1], ['30000003.jpg', PNG_1X1],
      ['补充材料.jpg', JPEG_1X1], ['H40000004.jpg', JPEG_1X1], [`${residentId('1990-05-17', '123')}.jpg`, JPEG_1X1],
      ['H10000001-副本.jpg', JPEG_1X1], ['30000003-大图.jpg', Buffer.alloc(MAX_FILE_BYTES + 1)],
    ], 2024));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.matched).toEqual([{ fileName: 'H10000001_陈港生.jpg', personId: ids.hk, name: '陈港生' },
      { fileName: '史密斯 P20000002.JPG', personId: ids.us, name: '史密斯' }]);
    expect(response.body.unmatched).toEqual([
      { fileName: '30000003.jpg', reason: '不是 JPG 图片（系统按文件内容识别格式，仅修改扩展名无效）：请另存为 JPG 格式后重新上传。' },
      { fileName: '补充材料.jpg', reason: NO_ID_NUMBER },
      { fileName: 'H40000004.jpg', reason: NO_ID_NUMBER },
      { fileName: `${residentId('1990-05-17', '123')}.jpg`, reason: NO_ID_NUMBER },
      { fileName: 'H10000001-副本.jpg', reason: '本次上传的「H10000001_陈港生.jpg」已对应同一人员（陈港生）：每名人员只保存一个文件，请确认后单独上传。' },
      { fileName: '30000003-大图.jpg', reason: '文件超过 10 MB：请压缩或缩小图片后重新上传。' },
    ]);
    type Item = { personId: string; status: string; fileId: string | null; recordIds: string[] };
    const items = (await list(renmin)).body.items as Item[];
    const hk = items.find((i) => i.personId === ids.hk)!;
    expect(items.map((i) => i.status)).toEqual(['uploaded', 'missing', 'uploaded']);
    expect(await segmentsOf(ids.hk)).toEqual([hk.fileId, hk.fileId]);
    const stored = await renmin.get(`/api/data/probation/${hk.recordIds[0]}`);
    expect(stored.body.version).toBe(2); // through RecordService.update: a new version, judged and audited
    const audit = (await renmin.get('/api/audit?action=record.update&pageSize=100')).body.items as Array<{ recordId: string }>;
    expect(audit.map((e) => e.recordId)).toEqual(expect.arrayContaining(hk.recordIds));
    const file = await renmin.get(`/api/files/${hk.fileId}/meta`);
    expect(file.body).toMatchObject({ filename: '陈港生_补充材料.jpg', mediaType: 'image/jpeg' }); // no ID number kept in the name
    expect(await names('?status=missing')).toEqual(['林台生']);
  });

  it('refuses a request without the exam year or without files, or with too many files', async () => {
    expect((await renmin.postForm(`${BASE}/files`, form([['H10000001.jpg', JPEG_1X1]]))).status).toBe(400);
    expect((await renmin.postForm(`${BASE}/files`, form([], 2024))).body.errors[0].message).toBe('请选择要上传的图片（字段名 file）。');
    const many = Array.from({ length: 201 }, (_v, i): [string, Buffer] => [`${i}.jpg`, JPEG_1X1]);
    expect((await renmin.postForm(`${BASE}/files`, form(many, 2024))).body.errors[0]).toMatchObject({ code: 'TOO_MANY_FILES',
      message: '一次最多上传 200 个文件，请分批上传。' });
  });

  it('keeps other institutions apart: never listed, never matched, their persons 404', async () => {
    expect(((await list(zhongxin)).body.items as Array<{ name: string }>).map((i) => i.name)).toEqual(['何港生']);
    const foreign = await zhongxin.postForm(`${BASE}/files`, form([['H10000001.jpg', JPEG_1X1]], 2024));
    expect(foreign.body).toEqual({ matched: [], unmatched: [{ fileName: 'H10000001.jpg', reason: NO_ID_NUMBER }] });
    expect((await zhongxin.delete(`${BASE}/${ids.hk}?examYear=2024`)).status).toBe(404);
    expect((await renmin.delete(`${BASE}/${ids.otherHk}?examYear=2024`)).status).toBe(404);
    expect((await list(renmin, '?status=uploaded')).body.items).toHaveLength(2);
  });

  it('needs the update permission of probation', async () => {
    const role = await renmin.post('/api/roles', { name: '试用期查看', permissions: ['hr.probation.view'] });
    const account = await renmin.post('/api/accounts', { roleId: role.body.id, username: 'jarmysyq01', nickname: '试用期查看' });
    await ctx.engine.engine.db.knex('accounts').where('id', account.body.id).update({ real_name_status: 'approved' });
    ctx.engine.engine.auth.forgetAccount(account.body.id);
    const viewer = ctx.engine.client();
    await viewer.firstLogin('jarmysyq01');
    expect((await list(viewer)).status).toBe(403);
    expect((await viewer.postForm(`${BASE}/files`, form([['H10000001.jpg', JPEG_1X1]], 2024))).status).toBe(403);
    expect((await viewer.delete(`${BASE}/${ids.hk}?examYear=2024`)).status).toBe(403);
    expect((await renmin.get('/api/attachment-batches/person')).status).toBe(404);
    expect((await renmin.postForm('/api/attachment-batches/person/files', form([['H10000001.jpg', JPEG_1X1]], 2024))).status).toBe(404);
  });

  it('deletes a person\'s material so it can be uploaded again, and replaces a file on a new upload', async () => {
    expect((await renmin.delete(`${BASE}/${ids.hk}`)).status).toBe(400);
    expect((await renmin.delete(`${BASE}/${ids.hk}?examYear=2024`)).status).toBe(204);
    expect(await segmentsOf(ids.hk)).toEqual([undefined, undefined]);
    expect(await names('?status=missing')).toEqual(['陈港生', '林台生']);
    const before = ((await list(renmin, `?departmentId=${waike}`)).body.items[0] as { fileId: string }).fileId;
    const again = await renmin.postForm(`${BASE}/files`, form([['ｈ１００００００１.jpg', JPEG_1X1], ['P20000002.jpg', JPEG_1X1]], 2024));
    expect(again.body.matched.map((m: { name: string }) => m.name)).toEqual(['陈港生', '史密斯']);
    const after = (await list(renmin, '?status=uploaded')).body.items as Array<{ name: string; fileId: string }>;
    expect(after.map((i) => i.name)).toEqual(['陈港生', '史密斯']);
    expect(after[1]!.fileId).not.toBe(before);
  });

  it('reports a file the records\' rules refuse (person no longer on duty), and changes nothing', async () => {
    const personId = await personWithProbation(ctx.engine, renmin, foreigner('梁澳生', 'MAC', '06', 'M50000005', waike), 2);
    const person = (await renmin.get(`/api/data/person/${personId}`)).body;
    expect((await renmin.put(`/api/data/person/${personId}`, { version: person.version,
      data: { ...person.data, employmentStatus: '6' } })).status).toBe(200);
    const response = await renmin.postForm(`${BASE}/files`, form([['M50000005.jpg', JPEG_1X1]], 2024));
    expect(response.body.matched).toEqual([]);
    expect(response.body.unmatched).toEqual([{ fileName: 'M50000005.jpg', reason: expect.stringMatching(
      /^未能保存到试用期信息：只能为本机构在职状态为“在岗人员”的人员填报试用期/) }]);
    expect(await segmentsOf(personId)).toEqual([undefined, undefined]);
  });
});
