import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildZip, xlsxSkeleton } from '../../excel/test/zipBuilder.js';
import { residentId, testDatabases, useTestEngine, type HttpClient } from '../../testing/index.js';
import { dataSheet, fill, headers, importFile, loadWorkbook, rowsOf, template, type Cells } from './workbooks.js';

const zhang = { name: '张三', idNumber: residentId('1990-05-17', '123') };
const educationRow = (overrides: Cells = {}): Cells => ({
  机构名称: '江岸区人民医院', 姓名: zhang.name, 证件类型: '居民身份证', 证件号码: zhang.idNumber, 所在部门: '内科',
  学历: '硕士研究生毕业', 毕业学校: '武汉大学', 所学专业: '临床医学', 毕业日期: '2015-06-30', ...overrides,
});

/** The template with its data sheet changed by `edit` (as a clerk could in Excel). */
async function edited(bytes: Buffer, edit: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = await loadWorkbook(bytes);
  edit(dataSheet(workbook), workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Every bad file of issue 5 through HTTP: refused before anything is imported (422, nothing
 * stored), or — for bad cells — a row error in the report while the good rows go in.
 */
describe.each(testDatabases())('bad files through HTTP (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient;
  let blank: Buffer;
  const educationCount = async () => (await renmin.get('/api/data/education')).body.total as number;
  const refused = async (bytes: Buffer, code: string, message: RegExp) => {
    const started = performance.now();
    const response = await importFile(renmin, 'education', bytes);
    expect(response.status, JSON.stringify(response.body)).toBe(422);
    expect(response.body.errors[0]).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await educationCount()).toBe(0);
    return performance.now() - started;
  };

  beforeAll(async () => {
    renmin = ctx.engine.client();
    await renmin.firstLogin('jarmyy001');
    const department = (await renmin.get('/api/data/department?q=内科')).body.items.find((d: { data: { name: string } }) => d.data.name === '内科');
    const person = await renmin.post('/api/data/person', { data: { name: zhang.name, documentType: '01', idNumber: zhang.idNumber,
      nationality: 'CHN', employmentStatus: '1', departmentId: department.id } });
    expect(person.status).toBe(201);
    blank = await template(renmin, 'education');
  });

  it('refuses a zip bomb within a second, and content that is not an .xlsx', async () => {
    const bomb = zlib.deflateRawSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const file = buildZip([...xlsxSkeleton, ...Array.from({ length: 8 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, deflated: bomb, declaredSize: 1000 }))]);
    expect(await refused(file, 'UNSAFE_FILE', /解压后的内容过大/)).toBeLessThan(1000);
    await refused(Buffer.from('%PDF-1.7 not a workbook'), 'UNSAFE_FILE', /xlsx/);
    await refused(buildZip([{ name: 'readme.txt', content: 'hello' }]), 'UNSAFE_FILE', /xlsx|Excel/);
  });

  it('refuses a changed template: another entity\'s, a renamed, missing or extra column, a __proto__ header', async () => {
    await refused(await fill(await template(renmin, 'degree'), []), 'TEMPLATE_MISMATCH', /学位信息/);
    await refused(await edited(blank, (s) => { s.getRow(1).getCell(7).value = '学校'; }), 'TEMPLATE_MISMATCH', /毕业学校|学校/);
    await refused(await edited(blank, (s) => { s.spliceColumns(8, 1); }), 'TEMPLATE_MISMATCH', /所学专业/);
    await refused(await edited(blank, (s) => { s.getRow(1).getCell(headers(s).length + 1).value = '备用'; }), 'TEMPLATE_MISMATCH', /备用/);
    await refused(await edited(blank, (s) => { s.getRow(1).getCell(headers(s).length + 1).value = '__proto__'; }), 'TEMPLATE_MISMATCH', /__proto__/);
  });

  it('turns an ID number stored as a number or a formula into a row error that says to use text; the other rows go in', async () => {
    const file = await fill(blank, [
      educationRow({ 证件号码: Number(zhang.idNumber.slice(0, 15)) }),
      educationRow({ 证件号码: { formula: `"${zhang.idNumber}"`, result: zhang.idNumber } }),
      educationRow(),
    ]);
    const response = await importFile(renmin, 'education', file);
    expect(response.body.job).toMatchObject({ status: 'partial', imported: 1, failed: 2 });
    const report = rowsOf(dataSheet(await loadWorkbook((await renmin.download(`/api/imports/jobs/${response.body.job.id}/error-report`)).bytes)));
    for (const row of report) expect(String(row['错误原因'])).toMatch(/证件号码：.*文本/);
  });

  it('reads dates of the 1904 date system as the same days, and ignores formatted-but-empty rows and a stray cell far below', async () => {
    await renmin.request('DELETE', `/api/data/education/${(await renmin.get('/api/data/education')).body.items[0].id}`);
    const filled = await fill(blank, [educationRow({ 学历: '大学本科毕业', 毕业日期: new Date('2012-07-01T00:00:00Z') })]);
    const file = await edited(filled, (sheet, workbook) => {
      workbook.properties.date1904 = true;
      for (let r = 3; r < 40; r += 1) sheet.getRow(r).getCell(2).numFmt = '@';
    });
    const response = await importFile(renmin, 'education', file);
    expect(response.body.job).toMatchObject({ status: 'succeeded', total: 1, imported: 1 });
    const stored = (await renmin.get('/api/data/education')).body.items;
    expect(stored.map((e: { data: { graduationDate: string } }) => e.data.graduationDate)).toEqual(['2012-07-01']);

    const stray = await edited(await fill(blank, [educationRow({ 学历: '博士研究生毕业' })]), (sheet) => {
      sheet.getRow(1_048_576).getCell(2).value = '张三';
    });
    const started = performance.now();
    const last = await importFile(renmin, 'education', stray);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(last.body.job).toMatchObject({ total: 2, imported: 1, failed: 1 });
  });
});
