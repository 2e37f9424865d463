import { beforeAll, describe, expect, it } from 'vitest';
import { dataSheet, headers, loadWorkbook, rowsOf } from '../../imports/test/workbooks.js';
import { addOrganisation, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { decide, readyPerson, submit, YEAR } from './fixture.js';

const ACCEPTED = `/api/pre-registration/${YEAR}/accepted`;

describe.each(testDatabases())('accepted lists of the bureaus above (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient;
  let zhongxin: HttpClient;
  let district: HttpClient;
  let city: HttpClient;
  let province: HttpClient;
  let elsewhere: HttpClient;
  let renminOrg: string;
  let zhongxinOrg: string;

  beforeAll(async () => {
    const client = () => ctx.engine.client();
    [renmin, zhongxin, district, city, province, elsewhere] = [client(), client(), client(), client(), client(), client()];
    await addOrganisation(ctx.engine.engine, { name: '江汉区卫生健康局', level: 'district', parentName: '武汉市卫生健康委员会', username: 'jhwjj0001' });
    await Promise.all([renmin.firstLogin('jarmyy001'), zhongxin.firstLogin('jazxyy001'), district.firstLogin('jawjj0001'),
      city.firstLogin('whwjw0001'), province.firstLogin('hbwjw0001'), elsewhere.firstLogin('jhwjj0001')]);
    [renminOrg, zhongxinOrg] = [(await renmin.get('/api/auth/me')).body.user.orgId, (await zhongxin.get('/api/auth/me')).body.user.orgId];
    // A name a spreadsheet would take for a formula: the export must neutralise it.
    const formula = await readyPerson(renmin, '=HYPERLINK("http://x")');
    const returned = await readyPerson(renmin, '李退');
    const other = await readyPerson(zhongxin, '周中');
    const first = await submit(renmin, [formula, returned]);
    expect((await decide(district, first.id, { outcome: 'approve', data: { returns: [{ personId: returned, reason: '信息有误' }] } })).status).toBe(200);
    const second = await submit(zhongxin, [other]);
    expect((await decide(district, second.id, { outcome: 'approve' })).status).toBe(200);
    await readyPerson(renmin, '吴审'); // ready but never submitted: in no list
  });

  it('lists the accepted candidates of the institutions below, with the institutions to filter by', async () => {
    const response = await district.get(ACCEPTED);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.total).toBe(2);
    expect(response.body.items.map((i: { orgName: string; snapshot: { name: string } }) => [i.orgName, i.snapshot.name]).sort())
      .toEqual([['江岸区中心医院', '周中'], ['江岸区人民医院', '=HYPERLINK("http://x")']]);
    expect(response.body.institutions.map((i: { name: string; count: number }) => [i.name, i.count]).sort())
      .toEqual([['江岸区中心医院', 1], ['江岸区人民医院', 1]]);
    const [one] = (await district.get(`${ACCEPTED}?orgId=${zhongxinOrg}`)).body.items;
    expect(one).toMatchObject({ orgId: zhongxinOrg, snapshot: { name: '周中', sex: '女', documentType: '居民身份证', department: '内科', candidateType: '非应届' } });
    const byNumber = await district.get(`${ACCEPTED}?q=${one.snapshot.idNumber.toLowerCase()}`);
    expect(byNumber.body.items.map((i: { personId: string }) => i.personId)).toEqual([one.personId]);
    // Stored encrypted: an ID number is found whole (its blind index), never by a part of it.
    expect((await district.get(`${ACCEPTED}?q=${one.snapshot.idNumber.slice(-6)}`)).body.total).toBe(0);
    expect((await district.get(`${ACCEPTED}?page=2&pageSize=1`)).body).toMatchObject({ total: 2, items: [expect.any(Object)] });
    expect((await district.get(`${ACCEPTED}?pageSize=1000`)).status).toBe(400);
    expect((await district.get('/api/pre-registration/2025/accepted')).body.total).toBe(0);
  });

  it('keeps each bureau to its subtree: above sees all, another district sees nothing and 404 for an institution outside', async () => {
    for (const above of [city, province]) expect((await above.get(ACCEPTED)).body.total).toBe(2);
    expect((await elsewhere.get(ACCEPTED)).body).toMatchObject({ total: 0, items: [], institutions: [] });
    expect((await elsewhere.get(`${ACCEPTED}?orgId=${renminOrg}`)).status).toBe(404);
    expect((await elsewhere.get(`${ACCEPTED}/export?orgId=${renminOrg}`)).status).toBe(404);
    expect((await renmin.get(ACCEPTED)).status).toBe(403);
    expect((await district.get(`${ACCEPTED}?orgId=no-such-org`)).status).toBe(404);
  });

  it('exports the list as filtered to .xlsx, neutralising text a spreadsheet would run as a formula', async () => {
    const download = await district.download(`${ACCEPTED}/export`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = await loadWorkbook(download.bytes);
    expect(workbook.worksheets.map((w) => w.name)).not.toContain('填写说明');
    const sheet = dataSheet(workbook);
    expect(sheet.name).toBe('已接收考生');
    expect(headers(sheet)).toEqual(['机构名称', '姓名', '性别', '证件类型', '证件号码', '出生日期', '手机号码', '所在部门', '考生类型', '试用期',
      '上报时间', '接收时间']);
    const rows = rowsOf(sheet);
    expect(rows.map((r) => r['姓名']).sort()).toEqual(['\'=HYPERLINK("http://x")', '周中']);
    expect(rows.find((r) => r['姓名'] === '周中')).toMatchObject({ 机构名称: '江岸区中心医院', 试用期: '2023-01-01 至 2024-01-31', 手机号码: '13800138000' });
    const filtered = rowsOf(dataSheet(await loadWorkbook((await district.download(`${ACCEPTED}/export?orgId=${zhongxinOrg}`)).bytes)));
    expect(filtered.map((r) => r['姓名'])).toEqual(['周中']);
    expect((await city.download(`${ACCEPTED}/export`)).status).toBe(200);
  });
});
