import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { HTML_PAGE, HttpClient, JPEG_1X1, PNG_1X1, testDatabases, useTestEngine } from '../../testing/index.js';

const MB = 1024 * 1024;

describe.each(testDatabases())('file attachments over HTTP (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient; // 江岸区人民医院, the owner
  let zhongxin: HttpClient; // 江岸区中心医院, another institution
  let district: HttpClient; // 江岸区卫生健康局, the bureau above
  let sysadmin: HttpClient;
  let fileId: string;

  /** A raw request with the client's session, for bodies the HttpClient does not build. */
  const send = (client: HttpClient, path: string, init: RequestInit = {}) => fetch(`${ctx.engine.baseUrl}${path}`,
    { ...init, headers: { Cookie: client.cookieHeader(), 'X-CSRF-Token': client.csrfToken ?? '', ...init.headers as object } });
  const download = async (client: HttpClient, id: string) => {
    const response = await send(client, `/api/files/${id}`);
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    const test = ctx.engine;
    [renmin, zhongxin, district, sysadmin] = [test.client(), test.client(), test.client(), test.client()];
    await Promise.all([renmin.firstLogin('jarmyy001'), zhongxin.firstLogin('jazxyy001'), district.firstLogin('jawjj0001'),
      sysadmin.firstLogin('sysadmin01')]);
    const uploaded = await renmin.upload('/api/files', '照片.png', PNG_1X1, 'image/png');
    expect(uploaded.status).toBe(201);
    fileId = uploaded.body.id;
  });

  it('answers an upload with the file\'s id, name, detected type and size', async () => {
    const response = await renmin.upload('/api/files', '照片.png', PNG_1X1);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), filename: '照片.png', mediaType: 'image/png', size: expect.any(Number) });
    expect(response.body.size).toBe((await download(renmin, response.body.id)).bytes.length); // the stored (re-encoded) size
  });

  it('serves the stored image as an attachment, with its stored type and no caching or sniffing', async () => {
    const response = await download(renmin, fileId);
    expect(response.status).toBe(200);
    expect(await sharp(response.bytes).metadata()).toMatchObject({ format: 'png', width: 1, height: 1 });
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBe("attachment; filename=\"file.png\"; filename*=UTF-8''%E7%85%A7%E7%89%87.png");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('describes the file', async () => {
    const response = await renmin.get(`/api/files/${fileId}/meta`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: fileId, filename: '照片.png', mediaType: 'image/png', size: expect.any(Number), createdAt: expect.any(String) });
  });

  it('hides the file from another institution: download and metadata are 404', async () => {
    expect((await download(zhongxin, fileId)).status).toBe(404);
    expect((await zhongxin.get(`/api/files/${fileId}/meta`)).status).toBe(404);
  });

  it('lets the bureau above read it', async () => {
    const response = await download(district, fileId);
    expect(response.status).toBe(200);
    expect(response.bytes.equals((await download(renmin, fileId)).bytes)).toBe(true);
    expect((await district.get(`/api/files/${fileId}/meta`)).status).toBe(200);
  });

  it('records each read in the audit log (who, which file); a refused read records nothing', async () => {
    const { knex } = ctx.engine.engine.db;
    const reads = async () => (await knex('audit_events').where({ action: 'file.read', record_id: fileId })
      .join('accounts', 'accounts.id', 'audit_events.account_id').orderBy('audit_events.id').select('accounts.username')).map((r: { username: string }) => r.username);
    const before = await reads();
    expect((await download(district, fileId)).status).toBe(200);
    expect((await download(zhongxin, fileId)).status).toBe(404);
    expect((await reads()).slice(before.length)).toEqual(['jawjj0001']);
  });

  it('keeps it from the system administrator, who reads no personal data', async () => {
    expect((await download(sysadmin, fileId)).status).toBe(404);
    expect((await sysadmin.get(`/api/files/${fileId}/meta`)).status).toBe(404);
  });

  it('answers 401 to anyone not logged in, and 404 for an unknown id', async () => {
    const anonymous = ctx.engine.client();
    expect((await anonymous.upload('/api/files', 'a.png', PNG_1X1)).status).toBe(401);
    expect((await download(anonymous, fileId)).status).toBe(401);
    expect((await anonymous.get(`/api/files/${fileId}/meta`)).status).toBe(401);
    expect((await renmin.get('/api/files/01900000-0000-7000-8000-000000000000/meta')).status).toBe(404);
  });

  it('refuses an upload without the CSRF token', async () => {
    const withoutToken = renmin.sharingSession();
    withoutToken.csrfToken = undefined;
    const response = await withoutToken.upload('/api/files', 'a.png', PNG_1X1);
    expect(response.status).toBe(403);
    expect(response.body.errors[0].code).toBe('CSRF');
  });

  it('refuses an HTML page renamed .jpg with 415 and says which formats are accepted', async () => {
    const response = await renmin.upload('/api/files', '照片.jpg', HTML_PAGE, 'image/jpeg');
    expect(response.status).toBe(415);
    expect(response.body.errors).toEqual([{ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('JPG、PNG 或 PDF') }]);
  });

  it('accepts a file whose extension disagrees with its content under its real type', async () => {
    const response = await renmin.upload('/api/files', '证件照.png', JPEG_1X1, 'image/png');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ filename: '证件照.jpg', mediaType: 'image/jpeg' });
    expect((await download(renmin, response.body.id)).headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses files over 10 MB with 413, whether the declared length or the bytes show it', async () => {
    const padded = (size: number) => Buffer.concat([PNG_1X1, Buffer.alloc(size - PNG_1X1.length)]);
    for (const size of [11 * MB, 10 * MB + 1]) {
      const response = await renmin.upload('/api/files', '大图.png', padded(size));
      expect(response.status).toBe(413);
      expect(response.body.errors[0]).toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('10 MB') });
    }
  });

  it('answers 400 to a form without a file field, and to a body that is not multipart', async () => {
    const form = new FormData();
    form.append('other', new Blob([PNG_1X1]), 'a.png');
    const noField = await send(renmin, '/api/files', { method: 'POST', body: form });
    expect(noField.status).toBe(400);
    const json = await send(renmin, '/api/files', { method: 'POST', body: '{"file":"x"}', headers: { 'Content-Type': 'application/json' } });
    expect(json.status).toBe(400);
    const body = await json.json() as { errors: Array<{ message: string }> };
    expect(body.errors[0]!.message).toContain('multipart/form-data');
  });

  it('stores the name without directories or control characters', async () => {
    const response = await renmin.upload('/api/files', '../../etc/\t报名\u202E表\u200B.jpg', PNG_1X1);
    expect(response.status).toBe(201);
    expect(response.body.filename).toBe('报名表.png');
    expect((await renmin.get(`/api/files/${response.body.id}/meta`)).body.filename).toBe('报名表.png');
  });

  it('answers 400 to a part header with raw control characters (the multipart parser refuses it)', async () => {
    const response = await renmin.upload('/api/files', '报名\u0007表.png', PNG_1X1);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toContain('格式不正确');
  });

  it('audits the upload without the file\'s content', async () => {
    const row = await ctx.engine.engine.db.knex('audit_events').where({ action: 'file.upload', record_id: fileId }).first();
    expect(row).toBeDefined();
    const details = typeof row.details === 'string' ? JSON.parse(row.details) : row.details;
    expect(details).toEqual({ filename: '照片.png', mediaType: 'image/png', size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('tells the records service whether a file may be attached to an organisation\'s record', async () => {
    const { engine } = ctx.engine;
    const orgId = async (name: string) => (await engine.db.models.Org.query().findOne({ name }))!.id;
    await expect(engine.files.assertUsable(await orgId('江岸区人民医院'), fileId, '/photo')).resolves.toBeUndefined();
    await expect(engine.files.assertUsable(await orgId('江岸区中心医院'), fileId, '/photo'))
      .rejects.toMatchObject({ status: 422, items: [{ code: 'file', path: '/photo', message: expect.stringContaining('附件') }] });
  });
});
