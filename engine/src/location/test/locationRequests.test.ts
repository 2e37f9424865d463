import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';

describe.each(testDatabases())('手机定位 of 机构信息 (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let desktop: HttpClient;
  let colleague: HttpClient; // another institution
  let district: HttpClient;
  let phone: HttpClient; // no session at all

  beforeAll(async () => {
    [desktop, colleague, district, phone] = [ctx.engine.client(), ctx.engine.client(), ctx.engine.client(), ctx.engine.client()];
    await Promise.all([desktop.firstLogin('jarmyy001'), colleague.firstLogin('jazxyy001'), district.firstLogin('jawjj0001')]);
  });

  it('hands the phone\'s location to the desktop once, through a QR code', async () => {
    const created = await desktop.post('/api/location-requests', {});
    expect(created.status).toBe(201);
    const { token, url, qrSvg } = created.body;
    expect(url).toBe(`${ctx.engine.baseUrl}/m/location/${token}`);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    expect((await phone.get(`/api/location-requests/${token}/public`)).body).toMatchObject({ status: 'pending', orgName: '江岸区人民医院' });
    expect((await desktop.get(`/api/location-requests/${token}`)).body.status).toBe('pending');

    const outside = await phone.post(`/api/location-requests/${token}/position`, { longitude: 2.35, latitude: 48.85 });
    expect(outside.status).toBe(422);
    expect(outside.body.errors.map((e: { path: string }) => e.path)).toEqual(['/longitude']);

    const sent = await phone.post(`/api/location-requests/${token}/position`, { longitude: 114.3055, latitude: 30.5928, accuracy: 12 });
    expect(sent.status).toBe(200);
    expect((await desktop.get(`/api/location-requests/${token}`)).body)
      .toMatchObject({ status: 'received', longitude: 114.3055, latitude: 30.5928, accuracy: 12 });

    const twice = await phone.post(`/api/location-requests/${token}/position`, { longitude: 114, latitude: 30 });
    expect(twice.status).toBe(410);
    expect(twice.body.errors[0].message).toContain('已过期或已使用');
  });

  it('expires after ten minutes, and shows the answer to the asking account only', async () => {
    const { token } = (await desktop.post('/api/location-requests', {})).body;
    expect((await colleague.get(`/api/location-requests/${token}`)).status).toBe(404);
    ctx.engine.clock.advance(10 * 60 * 1000 + 1);
    expect((await desktop.get(`/api/location-requests/${token}`)).body.status).toBe('expired');
    expect((await phone.post(`/api/location-requests/${token}/position`, { longitude: 114, latitude: 30 })).status).toBe(410);
    expect((await phone.get('/api/location-requests/not-a-real-token-at-all-xx/public')).status).toBe(404);
  });

  it('is for institutions that may edit their information only', async () => {
    expect((await district.post('/api/location-requests', {})).status).toBe(403);
    expect((await phone.post('/api/location-requests', {})).status).toBe(401);
  });
});
