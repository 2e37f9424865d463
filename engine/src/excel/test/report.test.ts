import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createReportWriter, type SheetRow } from '../index.js';
import { edited, readAll, useFixture } from './fixtures.js';

const fx = useFixture(3);
let uploaded: SheetRow[];
beforeAll(async () => {
  // What users upload: a number in the ID column, a neutralised remark, a date typed as text.
  const file = await edited(fx.source, fx.file('uploaded.xlsx'), (_book, sheet) => {
    sheet.getCell('D2').value = 420102199001011234;
    sheet.getCell('L3').value = "'=1+2";
    sheet.getCell('H4').value = '2023/1/5';
  });
  uploaded = await readAll(file, fx.layout);
});

const title = (key: string) => fx.layout.columns.find((c) => c.key === key)!.title;

async function writeReport(name: string, rows: SheetRow[]): Promise<string> {
  const file = fx.file(name);
  const report = createReportWriter(file, fx.layout, { refOptions: { '@personDepartment': ['内科', '外科'], '@institution': ['江岸区人民医院'] } });
  for (const row of rows) {
    report.add(row.raw, [...row.problems.map((p) => `${title(p.column)}：${p.message}`), '带教老师：示例原因'], [...row.problems.map((p) => p.column), 'supervisor']);
  }
  await report.finish();
  return file;
}

describe('error report', () => {
  it('has 错误原因 first, reasons one per line, bad cells filled, the values as uploaded, _meta and dropdowns', async () => {
    const file = await writeReport('report.xlsx', uploaded);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['_meta', '试用期', '填写说明', '_lists']);
    const sheet = book.getWorksheet('试用期')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['错误原因', ...fx.layout.columns.map((c) => c.title)]);
    expect(sheet.getCell('A2').value).toBe(`证件号码：${uploaded[0]!.problems[0]!.message}\n带教老师：示例原因`);
    expect(sheet.getColumn(1).alignment?.wrapText).toBe(true);
    expect(sheet.getCell('E2').value).toBe(420102199001011234); // the ID number as uploaded, not repaired
    expect(sheet.getCell('E2').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(sheet.getCell('K2').fill).toMatchObject({ pattern: 'solid' }); // supervisor
    expect(sheet.getCell('C2').fill).not.toMatchObject({ pattern: 'solid' });
    expect(sheet.getCell('M3').value).toBe("'=1+2");
    expect(sheet.getCell('I4').value).toBe('2023/1/5');
    expect(sheet.getCell('I2').value).toEqual(new Date('2023-01-01T00:00:00Z'));
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(validations.B2?.formulae).toEqual(["'_lists'!$A$1:$A$1"]); // 机构名称, one column to the right
    expect(validations.A2).toBeUndefined();
  });

  it('imports again as it is: the same cells, problems and raw values as the upload', async () => {
    const report = await writeReport('again.xlsx', uploaded);
    const again = await readAll(report, fx.layout);
    expect(again.map((r) => ({ cells: r.cells, raw: r.raw, problems: r.problems })))
      .toEqual(uploaded.map((r) => ({ cells: r.cells, raw: r.raw, problems: r.problems })));
    const reportOfReport = await readAll(await writeReport('again2.xlsx', again), fx.layout);
    expect(reportOfReport.map((r) => r.cells)).toEqual(uploaded.map((r) => r.cells));
  });
});
