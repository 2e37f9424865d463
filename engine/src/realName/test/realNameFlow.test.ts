import { beforeAll, describe, expect, it } from 'vitest';
import { JPEG_1X1, PDF_MINIMAL, PNG_1X1, residentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

const ID = residentId('1990-05-17', '123');

describe.each(testDatabases())('real-name verification (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let main: HttpClient;
  let bureau: HttpClient;
  let other: HttpClient;
  let sub: HttpClient;
  let front: string;
  let back: string;

  const form = (extra: Record<string, unknown> = {}) =>
    ({ data: { name: '李四', documentType: '01', idNumber: ID, mobile: '13800138000', frontImageId: front, backImageId: back, ...extra } });
  const openTask = async (client: HttpClient, instanceId: string) =>
    ((await client.get('/api/tasks')).body.items as Array<{ id: string; instanceId: string }>).find((t) => t.instanceId === instanceId);
  const uploadScan = async (client: HttpClient) => (await client.upload('/api/real-name/files', '盖章扫描件.pdf', PDF_MINIMAL)).body.id as string;

  beforeAll(async () => {
    const { engine } = ctx;
    main = engine.client();
    await main.firstLogin('jarmyy001');
    bureau = engine.client();
    await bureau.firstLogin('jawjj0001');
    other = engine.client();
    await other.firstLogin('jazxyy001');
    const role = await main.post('/api/roles', { name: '人事科', permissions: ['hr.person.view'] });
    expect(role.status).toBe(201);
    const account = await main.post('/api/accounts', { roleId: role.body.id, username: 'jarmyrsk01', nickname: '人事科', mobile: '13800138000' });
    expect(account.status).toBe(201);
    sub = engine.client();
    await sub.firstLogin('jarmyrsk01');
  });

  it('keeps business routes closed but the real-name routes open before approval', async () => {
    expect((await sub.get('/api/tasks')).body.errors[0].code).toBe('REAL_NAME_REQUIRED');
    expect((await sub.get('/api/real-name')).body).toEqual({ application: null, sentBack: false });
    expect((await sub.get('/api/real-name/pdf')).status).toBe(404);
  });

  it('checks the form (ID number, mobile, images) in Chinese and saves nothing bad', async () => {
    front = (await sub.upload('/api/real-name/files', '正面.jpg', JPEG_1X1)).body.id;
    back = (await sub.upload('/api/real-name/files', '反面.png', PNG_1X1)).body.id;
    const scan = await uploadScan(sub);
    const bad = await sub.put('/api/real-name', form({ idNumber: '420102199005171230', mobile: '123', backImageId: scan }));
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/backImageId', '/idNumber', '/mobile']);
    expect(JSON.stringify(bad.body)).not.toContain('420102199005171230');
    expect((await sub.get('/api/real-name')).body.application).toBeNull();
    const saved = await sub.put('/api/real-name', form());
    expect(saved.status).toBe(200);
    expect(saved.body.application).toMatchObject({ status: 'draft', data: { name: '李四', idNumber: ID } });
  });

  it('renders the filled PDF with the embedded CJK font', async () => {
    const pdf = await sub.download('/api/real-name/pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect([pdf.headers.get('x-content-type-options'), pdf.headers.get('cache-control')]).toEqual(['nosniff', 'no-store']);
    expect(pdf.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('实名认证申请表')}`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC/);
  });

  it('submits once; the institution main account approves and the gate opens without a new login', async () => {
    expect((await sub.post('/api/real-name/submit', {})).body.errors[0].path).toBe('/scanFileId');
    const submitted = await sub.post('/api/real-name/submit', { scanFileId: await uploadScan(sub) });
    expect(submitted.status).toBe(200);
    const { id, instanceId } = submitted.body.application;
    expect(submitted.body.application.status).toBe('submitted');
    expect((await sub.post('/api/real-name/submit', { scanFileId: await uploadScan(sub) })).status).toBe(409);
    expect((await sub.put('/api/real-name', form())).status).toBe(409);
    expect(await openTask(bureau, instanceId)).toBeUndefined();
    expect(await openTask(other, instanceId)).toBeUndefined();
    expect((await bureau.get(`/api/real-name/applications/${id}`)).status).toBe(404);
    expect((await other.get(`/api/real-name/applications/${id}`)).status).toBe(404);
    const task = await openTask(main, instanceId);
    expect(task).toBeDefined();
    const seen = await main.get(`/api/real-name/applications/${id}`);
    expect(seen.body.application.data).toMatchObject({ name: '李四' });
    const photo = await main.download(`/api/real-name/applications/${id}/files/${front}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(photo.headers.get('content-disposition')).toBe("attachment; filename=\"file.jpg\"; filename*=UTF-8''%E6%AD%A3%E9%9D%A2.jpg");
    expect([photo.headers.get('x-content-type-options'), photo.headers.get('cache-control')]).toEqual(['nosniff', 'no-store']);
    expect((await other.download(`/api/real-name/applications/${id}/files/${front}`)).status).toBe(404);
    const done = await main.post(`/api/tasks/${task!.id}/complete`, { outcome: 'approve', comment: '信息无误', data: { name: '李 四' } });
    expect(done.status).toBe(200);
    expect((await sub.get('/api/tasks')).status).toBe(200);
    expect((await sub.get('/api/real-name')).body.application).toMatchObject({ status: 'approved', data: { name: '李 四' } });
    expect((await sub.put('/api/real-name', form())).status).toBe(409);
  });

  it('a main account is reviewed by its bureau; rejected, it edits and resubmits as a new instance', async () => {
    const { engine } = ctx.engine;
    const account = await engine.db.knex('accounts').where('username', 'jazxyy001').first('id');
    await engine.db.knex('accounts').where('id', account.id).update({ real_name_status: 'none' });
    engine.auth.forgetAccount(account.id);
    expect((await other.get('/api/tasks')).status).toBe(403);
    front = (await other.upload('/api/real-name/files', '正面.jpg', JPEG_1X1)).body.id;
    back = (await other.upload('/api/real-name/files', '反面.jpg', JPEG_1X1)).body.id;
    expect((await other.put('/api/real-name', form({ name: '王五' }))).status).toBe(200);
    const first = (await other.post('/api/real-name/submit', { scanFileId: await uploadScan(other) })).body.application;
    expect(await openTask(main, first.instanceId)).toBeUndefined();
    const task = await openTask(bureau, first.instanceId);
    expect(task).toBeDefined();
    const rejected = await bureau.post(`/api/tasks/${task!.id}/complete`, { outcome: 'reject', comment: '扫描件不清晰' });
    expect(rejected.status).toBe(200);
    expect((await other.get('/api/real-name')).body.application.status).toBe('rejected');
    expect((await other.get('/api/tasks')).status).toBe(403);
    expect((await other.put('/api/real-name', form({ name: '王五', mobile: '13900139000' }))).status).toBe(200);
    const second = (await other.post('/api/real-name/submit', { scanFileId: await uploadScan(other) })).body.application;
    expect(second.instanceId).not.toBe(first.instanceId);
    const again = await openTask(bureau, second.instanceId);
    expect((await bureau.post(`/api/tasks/${again!.id}/complete`, { outcome: 'approve' })).status).toBe(200);
    expect((await other.get('/api/tasks')).status).toBe(200);
  });

  it('sent back: the applicant edits and resubmits into the same review; bad corrections are refused', async () => {
    const role = (await main.get('/api/accounts/role-options')).body.items[0].id;
    expect((await main.post('/api/accounts', { roleId: role, username: 'jarmyrsk02', nickname: '人事科二', mobile: '13800138001' })).status).toBe(201);
    const applicant = ctx.engine.client();
    await applicant.firstLogin('jarmyrsk02');
    front = (await applicant.upload('/api/real-name/files', '正面.png', PNG_1X1)).body.id;
    back = (await applicant.upload('/api/real-name/files', '反面.png', PNG_1X1)).body.id;
    expect((await applicant.put('/api/real-name', form({ name: '赵六' }))).status).toBe(200);
    const { instanceId } = (await applicant.post('/api/real-name/submit', { scanFileId: await uploadScan(applicant) })).body.application;
    const review = await openTask(main, instanceId);
    expect((await main.post(`/api/tasks/${review!.id}/complete`, { outcome: 'sendBack', comment: '请补充清晰照片' })).status).toBe(200);
    expect((await applicant.get('/api/real-name')).body).toMatchObject({ sentBack: true, application: { status: 'submitted' } });
    expect((await applicant.put('/api/real-name', form({ name: '赵六', mobile: '13900139001' }))).status).toBe(200);
    const again = await applicant.post('/api/real-name/submit', { scanFileId: await uploadScan(applicant) });
    expect(again.body.application).toMatchObject({ status: 'submitted', instanceId });
    const second = await openTask(main, instanceId);
    expect(second!.id).not.toBe(review!.id);
    const badFix = await main.post(`/api/tasks/${second!.id}/complete`, { outcome: 'approve', data: { idNumber: '123' } });
    expect(badFix.status).toBe(422);
    expect(badFix.body.errors[0].path).toBe('/idNumber');
    expect(await openTask(main, instanceId)).toBeDefined();
    expect((await applicant.get('/api/real-name')).body.application.status).toBe('submitted');
    expect((await main.post(`/api/tasks/${second!.id}/complete`, { outcome: 'approve' })).status).toBe(200);
    expect((await applicant.get('/api/real-name')).body.application).toMatchObject({ status: 'approved', data: { mobile: '13900139001' } });
  });

  it('never writes the ID number to the log', () => {
    expect(ctx.engine.logLines.join('\n')).not.toContain(ID);
  });
});
