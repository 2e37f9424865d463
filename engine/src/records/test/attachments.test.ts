import { beforeAll, describe, expect, it } from 'vitest';
import { departmentId, JPEG_1X1, PDF_MINIMAL, personData, PNG_1X1, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

describe.each(testDatabases())('attachments of records (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient;
  let zhongxin: HttpClient;
  let personId: string;
  let png: string;
  let jpg: string;
  let foreignPdf: string;
  const education = (extra: Record<string, unknown> = {}) => ({ personId, educationLevel: '21', school: '武汉大学',
    major: '临床医学', graduationDate: '2015-06-30', ...extra });

  beforeAll(async () => {
    [renmin, zhongxin] = [ctx.engine.client(), ctx.engine.client()];
    await Promise.all([renmin.firstLogin('jarmyy001'), zhongxin.firstLogin('jazxyy001')]);
    personId = (await renmin.post('/api/data/person', { data: personData({ departmentId: await departmentId(renmin, '内科') }) })).body.id;
    png = (await renmin.upload('/api/files', '毕业证.png', PNG_1X1, 'image/png')).body.id;
    jpg = (await renmin.upload('/api/files', '申请表.jpg', JPEG_1X1, 'image/jpeg')).body.id;
    foreignPdf = (await zhongxin.upload('/api/files', '别家的.pdf', PDF_MINIMAL, 'application/pdf')).body.id;
  });

  it('requires the scan when a detail record is entered one at a time (R-6.4)', async () => {
    const missing = await renmin.post('/api/data/education', { data: education() });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ code: 'attachmentRequired', path: '/scan',
      message: '请上传「学历证书扫描件」（JPG、PNG、PDF 格式，单个文件不超过 10 MB）。' }]);
    expect((await renmin.post('/api/data/education', { data: education({ scan: png }) })).status).toBe(201);
  });

  it('refuses a file of another institution, an unknown id and a type the field does not accept', async () => {
    const foreign = await renmin.post('/api/data/education', { data: education({ scan: foreignPdf }) });
    expect(foreign.body.errors).toEqual([expect.objectContaining({ code: 'attachment', path: '/scan' })]);
    const unknown = await renmin.post('/api/data/education', { data: education({ scan: '00000000-0000-0000-0000-000000000000' }) });
    expect(unknown.body.errors[0].message).toBe('「学历证书扫描件」的附件不存在或不属于本单位，请重新上传。');
    const institution = (await renmin.get('/api/data/institution')).body.items[0];
    const list = await renmin.put(`/api/data/institution/${institution.id}`, { version: institution.version,
      data: { ...institution.data, licenseScan: png, otherAttachments: [jpg, foreignPdf] } });
    expect(list.status).toBe(422);
    expect(list.body.errors).toEqual([expect.objectContaining({ code: 'attachment', path: '/otherAttachments/1' })]);
  });

  it('accepts only JPG as the supplementary material of probation', async () => {
    const segment = { personId, candidateType: 'nonFresh', examYear: 2024, startDate: '2023-01-01', endDate: '2024-01-31',
      supervisor: '李四', supervisorCertificateCode: '110420100000001' };
    const wrong = await renmin.post('/api/data/probation', { data: { ...segment, supplementaryMaterial: png } });
    expect(wrong.body.errors).toEqual([expect.objectContaining({ code: 'attachmentType', path: '/supplementaryMaterial',
      message: '「补充材料」只能上传 JPG 格式的文件，请重新上传。' })]);
    expect((await renmin.post('/api/data/probation', { data: { ...segment, supplementaryMaterial: jpg } })).status).toBe(201);
  });

  it('keeps a scan once given: an edit cannot remove it; a record imported without one can be edited', async () => {
    const created = await renmin.post('/api/data/education', { data: education({ scan: png, major: '麻醉学' }) });
    const { scan: _scan, ...withoutScan } = created.body.data as Record<string, unknown>;
    const removed = await renmin.put(`/api/data/education/${created.body.id}`, { version: 1, data: withoutScan });
    expect(removed.body.errors).toEqual([expect.objectContaining({ code: 'attachmentRequired', path: '/scan' })]);

    const actor = await ctx.engine.engine.auth.actorForAccount((await renmin.get('/api/auth/me')).body.user.id);
    const [imported] = await ctx.engine.engine.records.createMany(actor, 'education', [{ data: education({ major: '口腔医学' }) }], 'import');
    const edited = await renmin.put(`/api/data/education/${imported!.id}`, { version: 1, data: { ...imported!.data, school: '华中科技大学' } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
  });
});
