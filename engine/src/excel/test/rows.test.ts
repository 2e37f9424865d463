import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { countDataRows, DEFAULT_READ_LIMITS, neutralise, readImportRows, UnsafeFileError } from '../index.js';
import { cellsOf, edited, exportFile, probationRow, readAll, readFailure, useFixture } from './fixtures.js';

const fx = useFixture(2);

describe('rows as read', () => {
  it('yields the rows in order, in chunks of the given size', async () => {
    const file = await exportFile(fx.file('many.xlsx'), fx.layout, Array.from({ length: 1201 }, (_, i) => probationRow(i)));
    const sizes: number[] = [];
    const numbers: number[] = [];
    for await (const chunk of readImportRows(file, fx.layout, { chunkSize: 500 })) {
      sizes.push(chunk.length);
      numbers.push(...chunk.map((r) => r.rowNumber));
    }
    expect(sizes).toEqual([500, 500, 201]);
    expect(numbers).toEqual(Array.from({ length: 1201 }, (_, i) => i + 2));
  });

  it('skips blank and formatted-but-empty rows; a stray cell on row 1,048,576 is one more row, found fast', async () => {
    const file = await edited(fx.source, fx.file('stray.xlsx'), (_book, sheet) => {
      for (let r = 5; r <= 40; r += 1) sheet.getCell(`B${r}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      sheet.getCell('C41').value = '   ';
      sheet.getCell('L1048576').value = '孤立的单元格';
    });
    const started = performance.now();
    const rows = await readAll(file, fx.layout);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 1_048_576]);
    expect(cellsOf(rows[2])).toEqual({ remarks: '孤立的单元格' });
    expect(await countDataRows(file, fx.layout)).toBe(3);
  });

  it('refuses more data rows than the limit', async () => {
    const error = await readFailure(fx.source, fx.layout, UnsafeFileError, { limits: { ...DEFAULT_READ_LIMITS, maxRows: 1 } });
    expect(error.message).toBe('一次最多导入 1 行数据，该文件超过了这个数量。请把数据分成几个文件分别导入。');
  });

  it('neutralises formula-like text in what it writes, and reads it back as it was', async () => {
    const risky = ['=HYPERLINK("http://evil.example","点我")', '+8613800000000', '-已离职', '@SUM(A1)', '\t制表符开头'];
    const rows = risky.map((remark, i) => [...probationRow(i).slice(0, 11), remark]);
    const file = await exportFile(fx.file('risky.xlsx'), fx.layout, rows);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['_meta', '试用期', '填写说明', '_lists']); // imports back like a template
    const cells = risky.map((_, i) => book.getWorksheet(fx.layout.sheet)!.getCell(`L${i + 2}`));
    expect(cells.map((c) => c.type)).toEqual(risky.map(() => ExcelJS.ValueType.String));
    expect(cells.map((c) => c.value)).toEqual(risky.map((r) => `'${r}`));
    expect((await readAll(file, fx.layout)).map((r) => r.cells.get('remarks'))).toEqual(risky.map((r) => r.trim()));
    expect([neutralise(-5), neutralise('李四'), neutralise(null), neutralise("'=1")]).toEqual([-5, '李四', null, "'=1"]);
  });

  it('stops the worker when the reader stops early', async () => {
    for await (const chunk of readImportRows(fx.source, fx.layout, { chunkSize: 1 })) {
      expect(chunk).toHaveLength(1);
      break;
    }
    expect((await readAll(fx.source, fx.layout)).length).toBe(2);
  });

  it('parses off the main thread: the event loop stays responsive while 20,000 rows are read', async () => {
    const file = await exportFile(fx.file('big.xlsx'), fx.layout, Array.from({ length: 20_000 }, (_, i) => probationRow(i)));
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let rows = 0;
    for await (const chunk of readImportRows(file, fx.layout)) rows += chunk.length;
    delay.disable();
    expect(rows).toBe(20_000);
    expect(delay.percentile(99) / 1e6).toBeLessThan(100);
  });
});

describe('text across chunk boundaries', () => {
  it('keeps every Chinese character whole, however the inflated XML is chunked', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [...probationRow(i).slice(0, 11), `第${i}行：试用期备注，带教老师签字确认。`]);
    const file = await exportFile(fx.file('chinese.xlsx'), fx.layout, rows);
    // Ours has inline strings; Excel (like exceljs in memory) saves shared strings: both paths are read.
    const shared = await edited(file, fx.file('chinese-shared.xlsx'), () => {});
    for (const read of [await readAll(file, fx.layout), await readAll(shared, fx.layout)]) {
      expect(read.map((r) => r.cells.get('remarks'))).toEqual(rows.map((r) => r[11]));
      expect(read.map((r) => r.cells.get('@personName'))).toEqual(rows.map((r) => r[1]));
    }
  });
});
