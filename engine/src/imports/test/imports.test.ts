import { beforeAll, describe, expect, it } from 'vitest';
import { PNG_1X1, residentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { dataSheet, fill, headers, importFile, loadWorkbook, rowsOf, template, type Cells } from './workbooks.js';

const zhang = { name: '张三', idNumber: residentId('1990-05-17', '123') };
const li = { name: '李四', idNumber: residentId('1988-02-03', '234') };

const personRow = (p: { name: string; idNumber: string }, overrides: Cells = {}): Cells => ({
  机构名称: '江岸区人民医院', 姓名: p.name, 证件类型: '居民身份证', 证件号码: p.idNumber, '国籍/地区': '中国',
  所在部门: '内科', 在职状态: '在岗人员', ...overrides,
});
const educationRow = (p: { name: string; idNumber: string }, overrides: Cells = {}): Cells => ({
  机构名称: '江岸区人民医院', 姓名: p.name, 证件类型: '居民身份证', 证件号码: p.idNumber, 所在部门: '内科',
  学历: '硕士研究生毕业', 毕业学校: '武汉大学', 所学专业: '临床医学', 毕业日期: '2015-06-30', ...overrides,
});

describe.each(testDatabases())('Excel imports through HTTP (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient;
  let zhongxin: HttpClient;

  beforeAll(async () => {
    [renmin, zhongxin] = [ctx.engine.client(), ctx.engine.client()];
    await Promise.all([renmin.firstLogin('jarmyy001'), zhongxin.firstLogin('jazxyy001')]);
  });

  it('serves a template whose header is the entity\'s columns, with the person columns first', async () => {
    const workbook = await loadWorkbook(await template(renmin, 'probation'));
    expect(headers(dataSheet(workbook))).toEqual(expect.arrayContaining(['机构名称', '姓名', '证件类型', '证件号码', '所在部门',
      '考生类型', '试用期开始日期', '试用期结束日期', '带教老师', '带教执业证书编码']));
    expect(headers(dataSheet(workbook)).slice(0, 5)).toEqual(['机构名称', '姓名', '证件类型', '证件号码', '所在部门']);
    expect(workbook.worksheets.map((w) => w.name)).toContain('_meta');
  });

  it('serves the institution\'s own template: ID columns as text, dates formatted, dropdowns of its departments, hidden metadata', async () => {
    await renmin.post('/api/data/department', { data: { name: '康复医学科', category: '1', standardName: 'A21' } });
    const response = await renmin.download('/api/imports/education/template');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('学历信息导入模板.xlsx')}`);
    const workbook = await loadWorkbook(response.bytes);
    const sheet = dataSheet(workbook);
    const column = (title: string) => headers(sheet).indexOf(title) + 1;
    expect(sheet.getColumn(column('证件号码')).numFmt).toBe('@');
    expect(sheet.getColumn(column('毕业证书编号')).numFmt).toBe('@');
    expect(sheet.getColumn(column('毕业日期')).numFmt).toBe('yyyy-mm-dd');
    const model = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const letter = String.fromCharCode(64 + column('所在部门'));
    const departments = /^'_lists'!\$([A-Z]+)\$1:\$\1\$(\d+)$/.exec(model[`${letter}2`]!.formulae[0]!)!;
    const lists = workbook.getWorksheet('_lists')!;
    const names = Array.from({ length: Number(departments[2]) }, (_, i) => lists.getCell(`${departments[1]}${i + 1}`).value);
    expect(names).toEqual(expect.arrayContaining(['内科', '心血管内科', '康复医学科']));
    expect(model[`${letter}5001`]).toBeDefined();
    expect(model[`${letter}5002`]).toBeUndefined();
    const meta = workbook.getWorksheet('_meta')!;
    expect(meta.state).toBe('veryHidden');
    const entries = new Map<string, unknown>();
    meta.eachRow((row) => { const [, key, value] = row.values as unknown[]; if (typeof key === 'string' && key !== 'column') entries.set(key, value); });
    expect(entries.get('entity')).toBe('education');
    expect(entries.get('checksum')).toMatch(/^[0-9a-f]{16}$/);
    // The other institution's template offers its own departments only.
    const theirs = await loadWorkbook((await zhongxin.download('/api/imports/education/template')).bytes);
    const theirLists = theirs.getWorksheet('_lists')!;
    const values: unknown[] = [];
    theirLists.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).not.toContain('康复医学科');
  });

  it('imports people (≤ 100 rows answer at once), and refuses a file that is not the template', async () => {
    const file = await fill(await template(renmin, 'person'), [personRow(zhang), personRow(li, { 所在部门: '外科' })]);
    const done = await importFile(renmin, 'person', file);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.job).toMatchObject({ entity: 'person', status: 'succeeded', total: 2, processed: 2, imported: 2, failed: 0 });
    const listed = await renmin.get('/api/data/person?q=张三');
    expect(listed.body.items[0].data).toMatchObject({ name: '张三', sex: '1', birthDate: '1990-05-17', employmentStatus: '1' });

    const wrong = await importFile(renmin, 'education', file);
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ code: 'TEMPLATE_MISMATCH' });
    const junk = await importFile(renmin, 'person', Buffer.from('这不是 Excel 文件'));
    expect(junk.status).toBe(422);
    expect(junk.body.errors[0].message).toMatch(/xlsx|Excel/);
  });

  it('imports the good rows, reports the bad one with every reason, and takes the corrected report back', async () => {
    const file = await fill(await template(renmin, 'education'), [
      educationRow(zhang),
      educationRow(li, { 所在部门: '外科', 学历: '大学本科毕业' }),
      educationRow({ name: '王五', idNumber: residentId('1991-01-01', '345') }, { 学历: '留学' }),
    ]);
    const first = await importFile(renmin, 'education', file);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.job).toMatchObject({ status: 'partial', total: 3, imported: 2, failed: 1, hasReport: true });

    const report = await renmin.download(`/api/imports/jobs/${first.body.job.id}/error-report`);
    expect(report.status).toBe(200);
    const sheet = dataSheet(await loadWorkbook(report.bytes));
    expect(headers(sheet)[0]).toBe('错误原因');
    const [failed] = rowsOf(sheet);
    expect(String(failed!['错误原因'])).toMatch(/证件号码：本机构没有该证件类型和证件号码的人员/);
    expect(String(failed!['错误原因'])).toMatch(/学历：「留学」不是可选的值/);
    expect(failed!['姓名']).toBe('王五');

    // The clerk registers 王五, fixes 学历 in the report and imports the report as it is.
    const person = await renmin.post('/api/data/person', { data: { name: '王五', documentType: '01',
      idNumber: residentId('1991-01-01', '345'), nationality: 'CHN', employmentStatus: '1', departmentId: (await renmin.get('/api/data/department?q=内科')).body.items.find((d: { data: { name: string } }) => d.data.name === '内科').id } });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    const fixed = await fill(report.bytes, [{ 学历: '大学本科毕业' }]);
    const second = await importFile(renmin, 'education', fixed);
    expect(second.body.job).toMatchObject({ status: 'succeeded', imported: 1, failed: 0 });
    expect((await renmin.get('/api/data/education')).body.total).toBe(3);
  });

  it('without overwrite an existing record is a row error; with overwrite it is replaced, and twice is the same as once', async () => {
    const file = await fill(await template(renmin, 'education'), [educationRow(zhang, { 毕业学校: '华中科技大学' })]);
    const refused = await importFile(renmin, 'education', file);
    expect(refused.body.job).toMatchObject({ status: 'failed', imported: 0, failed: 1 });
    const before = (await renmin.get('/api/data/education?pageSize=100')).body.items;

    const replaced = await importFile(renmin, 'education', file, true);
    expect(replaced.body.job).toMatchObject({ status: 'succeeded', imported: 1 });
    const once = (await renmin.get('/api/data/education?pageSize=100')).body.items;
    expect(once).toHaveLength(before.length);
    expect(once.find((e: { data: { school: string } }) => e.data.school === '华中科技大学')).toBeDefined();

    await importFile(renmin, 'education', file, true);
    const twice = (await renmin.get('/api/data/education?pageSize=100')).body.items;
    expect(twice.map((e: { id: string; data: unknown }) => [e.id, e.data])).toEqual(once.map((e: { id: string; data: unknown }) => [e.id, e.data]));
  });

  it('overwrite keeps what the sheet has no column for (the scan) and what changes one person at a time (在职状态)', async () => {
    const education = (await renmin.get('/api/data/education?pageSize=100')).body.items
      .find((e: { data: { school: string } }) => e.data.school === '华中科技大学') as { id: string; version: number; data: Record<string, unknown> };
    const upload = await renmin.upload('/api/files', 'scan.png', PNG_1X1, 'image/png');
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    const withScan = await renmin.put(`/api/data/education/${education.id}`, { version: education.version, data: { ...education.data, scan: upload.body.id } });
    expect(withScan.status, JSON.stringify(withScan.body)).toBe(200);
    await importFile(renmin, 'education', await fill(await template(renmin, 'education'), [educationRow(zhang, { 毕业学校: '华中科技大学', 所学专业: '儿科学' })]), true);
    expect((await renmin.get(`/api/data/education/${education.id}`)).body.data).toMatchObject({ major: '儿科学', scan: upload.body.id });

    const people = await importFile(renmin, 'person', await fill(await template(renmin, 'person'), [personRow(zhang, { 在职状态: '离职/辞职' })]), true);
    expect(people.body.job).toMatchObject({ status: 'succeeded', imported: 1 });
    expect((await renmin.get('/api/data/person?q=张三')).body.items[0].data.employmentStatus).toBe('1');
  });

  it('another institution cannot import for these people, and is not told they exist', async () => {
    const file = await fill(await template(zhongxin, 'education'), [
      educationRow(zhang, { 机构名称: '江岸区中心医院' }),
      educationRow(li),
    ]);
    const response = await importFile(zhongxin, 'education', file, true);
    expect(response.body.job).toMatchObject({ status: 'failed', imported: 0, failed: 2 });
    const report = dataSheet(await loadWorkbook((await zhongxin.download(`/api/imports/jobs/${response.body.job.id}/error-report`)).bytes));
    const [first, second] = rowsOf(report).map((r) => String(r['错误原因']));
    expect(first).toMatch(/本机构没有该证件类型和证件号码的人员/);
    expect(second).toMatch(/机构名称应与登录机构「江岸区中心医院」完全一致/);
    expect((await renmin.download(`/api/imports/jobs/${response.body.job.id}/error-report`)).status).toBe(404);
  });

  it('judges a person\'s probation rows together (group rules) and writes them all or none', async () => {
    const segment = (p: typeof zhang, start: string, end: string): Cells => ({ 机构名称: '江岸区人民医院', 姓名: p.name,
      证件类型: '居民身份证', 证件号码: p.idNumber, 所在部门: p === li ? '外科' : '内科', 考生类型: '非应届', 考试年度: 2024,
      试用期开始日期: start, 试用期结束日期: end, 带教老师: '赵医生', 带教执业证书编码: '110420100000001' });
    const file = await fill(await template(renmin, 'probation'), [
      segment(zhang, '2023-01-01', '2023-06-30'), segment(li, '2023-01-01', '2023-06-30'),
      segment(zhang, '2023-07-01', '2024-01-31'), segment(li, '2023-07-05', '2024-01-31'),
    ]);
    const response = await importFile(renmin, 'probation', file);
    expect(response.body.job).toMatchObject({ status: 'partial', imported: 2, failed: 2 });
    const stored = (await renmin.get('/api/data/probation?pageSize=100')).body.items;
    expect(stored.map((s: { data: { startDate: string } }) => s.data.startDate).sort()).toEqual(['2023-01-01', '2023-07-01']);
    const report = rowsOf(dataSheet(await loadWorkbook((await renmin.download(`/api/imports/jobs/${response.body.job.id}/error-report`)).bytes)));
    expect(report.map((r) => r['姓名'])).toEqual(['李四', '李四']);
    expect(report.map((r) => String(r['错误原因'])).join('\n')).toMatch(/连续|间断|相邻/);
  });

  it('runs more than 100 rows as a background job that ends with every row imported', async () => {
    const rows = Array.from({ length: 101 }, (_, i) => personRow({ name: `批量${i}`,
      idNumber: residentId('1985-03-04', String(100 + i * 2).padStart(3, '0')) }));
    const response = await importFile(renmin, 'person', await fill(await template(renmin, 'person'), rows));
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    expect(['queued', 'running']).toContain(response.body.job.status);
    const settled = await ctx.engine.engine.jobs.whenSettled(response.body.job.id);
    expect(settled).toMatchObject({ status: 'succeeded', total: 101, imported: 101, failed: 0 });
    expect((await renmin.get('/api/data/person?q=批量')).body.total).toBe(101);
    expect((await renmin.get(`/api/imports/jobs/${response.body.job.id}`)).body.job).toMatchObject({ status: 'succeeded', imported: 101 });
  });

  it('exports the list with the template\'s columns; the export imports back unchanged with overwrite', async () => {
    const exported = await renmin.download('/api/exports/education');
    expect(exported.status).toBe(200);
    const sheet = dataSheet(await loadWorkbook(exported.bytes));
    expect(headers(sheet).slice(0, 5)).toEqual(['机构名称', '姓名', '证件类型', '证件号码', '所在部门']);
    const before = (await renmin.get('/api/data/education?pageSize=100')).body.items;
    expect(rowsOf(sheet)).toHaveLength(before.length);
    const again = await importFile(renmin, 'education', exported.bytes, true);
    expect(again.body.job).toMatchObject({ status: 'succeeded', imported: before.length });
    const after = (await renmin.get('/api/data/education?pageSize=100')).body.items;
    expect(after.map((e: { id: string; data: unknown }) => [e.id, e.data])).toEqual(before.map((e: { id: string; data: unknown }) => [e.id, e.data]));
  });

  it('refuses imports and templates without the permission, and for bureaus', async () => {
    const district = ctx.engine.client();
    await district.firstLogin('jawjj0001');
    expect((await district.download('/api/imports/person/template')).status).toBe(403);
    expect((await importFile(district, 'person', Buffer.from('x'))).status).toBe(403);
    // 部门 has no 导入 in the menu: nobody holds the permission.
    expect((await renmin.download('/api/imports/department/template')).status).toBe(403);
    expect((await renmin.download('/api/imports/nosuchthing/template')).status).toBe(404);
  });
});
