import { describe, expect, it } from 'vitest';
import { cellsOf, edited, readAll, useFixture } from './fixtures.js';

const fx = useFixture(5);

let count = 0;
const readEdited = async (change: Parameters<typeof edited>[2]) =>
  readAll(await edited(fx.source, fx.file(`cells${(count += 1)}.xlsx`), change), fx.layout);
const ID_PROBLEM = '单元格是数值或公式，长号码可能已被 Excel 改变（例如变成 1.31E+17）。请把该列设置为“文本”格式后重新输入号码，不要使用公式。';

describe('cells as read', () => {
  it('an ID number that is a number or a formula is a row problem; text is kept (a lowercase x too), full-width made half-width', async () => {
    const rows = await readEdited((_book, sheet) => {
      sheet.getCell('D2').value = 420102199001011234;
      sheet.getCell('D3').value = { formula: '"42010219900101123"&"4"', result: '420102199001011234' } as never;
      sheet.getCell('D4').value = ' 42010219900101123x ';
      sheet.getCell('D5').value = '４２０１０２１９９００１０１１２３Ｘ';
    });
    expect(rows.map((r) => r.problems)).toEqual([
      [{ column: '@personIdNumber', message: ID_PROBLEM }], [{ column: '@personIdNumber', message: ID_PROBLEM }], [], [], []]);
    expect(rows[0]!.raw[3]).toBe(420102199001011234);
    expect(rows[0]!.cells.has('@personIdNumber')).toBe(false);
    expect(rows.slice(2).map((r) => r.cells.get('@personIdNumber'))).toEqual(['42010219900101123x', '42010219900101123X', '420102199001011234']);
  });

  it('rich text, hyperlinks and (shared) formulas give their text or cached result; error values are problems', async () => {
    const rows = await readEdited((_book, sheet) => {
      sheet.getCell('B2').value = { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] };
      sheet.getCell('J2').value = { text: '李四', hyperlink: 'https://example.org/' };
      sheet.getCell('G2').value = { formula: '2000+24', result: 2024, shareType: 'shared', ref: 'G2:G4' } as never;
      sheet.getCell('G3').value = { sharedFormula: 'G2', result: 2024 } as never;
      sheet.getCell('G4').value = { sharedFormula: 'G2', result: 2024 } as never;
      sheet.getCell('L2').value = { error: '#N/A' } as never;
    });
    expect(cellsOf(rows[0])).toMatchObject({ '@personName': '张三', supervisor: '李四', examYear: 2024 });
    expect(rows.slice(1, 3).map((r) => r.cells.get('examYear'))).toEqual([2024, 2024]);
    expect(rows[0]!.problems).toEqual([{ column: 'remarks', message: '单元格的值是错误 #N/A，请改为正确的内容。' }]);
    expect(rows[0]!.raw[11]).toBe('#N/A');
  });

  it('dates typed as text or numbers become YYYY-MM-DD; numbers in text columns keep their digits only when Excel kept them', async () => {
    const rows = await readEdited((_book, sheet) => {
      sheet.getCell('H2').value = '2023/1/5';
      sheet.getCell('I2').value = '２０２３年６月３０日';
      sheet.getCell('H3').value = 20230105;
      sheet.getCell('I3').value = '2023-02-30';
      sheet.getCell('G3').value = '２０２４';
      sheet.getCell('K2').value = 110420100000001;
      sheet.getCell('K3').value = 123456789012345678901234567;
      sheet.getCell('K4').value = '１１０４２０１０００００００１';
      sheet.getCell('G4').value = 2024.5;
      sheet.getCell('L4').value = '  两端有空格  ';
    });
    expect(cellsOf(rows[0])).toMatchObject({ startDate: '2023-01-05', endDate: '2023-06-30', supervisorCertificateCode: '110420100000001' });
    expect(cellsOf(rows[1])).toMatchObject({ startDate: '2023-01-05', examYear: 2024 });
    expect(rows[1]!.problems).toEqual([
      { column: 'endDate', message: '不是有效的日期。请按 YYYY-MM-DD 格式填写，例如 2024-01-05。' },
      { column: 'supervisorCertificateCode', message: '单元格是数值，位数太多的数字已被 Excel 改变。请把该列设置为“文本”格式后重新输入。' }]);
    expect(cellsOf(rows[2])).toMatchObject({ supervisorCertificateCode: '110420100000001', remarks: '两端有空格' });
    expect(rows[2]!.problems).toEqual([{ column: 'examYear', message: '应填写整数，例如 2024。' }]);
  });

  it('respects the 1904 date system, for date cells and for serial numbers in date columns', async () => {
    const rows = await readEdited((book, sheet) => {
      book.properties.date1904 = true;
      sheet.getCell('H2').value = new Date(Date.UTC(2023, 0, 1));
      sheet.getCell('I2').value = 43830; // 2024-01-01 counted from 1904-01-01
      sheet.getCell('I2').numFmt = 'General';
    });
    expect(cellsOf(rows[0])).toMatchObject({ startDate: '2023-01-01', endDate: '2024-01-01' });
    expect(rows[1]!.cells.get('startDate')).toBe('2023-01-01');
  });
});
