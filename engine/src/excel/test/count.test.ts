import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countDataRows, TemplateMismatchError, UnsafeFileError } from '../index.js';
import { edited, exportFile, probationRow, useFixture } from './fixtures.js';
import { buildZip } from './zipBuilder.js';

const fx = useFixture(0);

/**
 * The upload's "more than 100 rows?" question: counted on the calling thread up to the limit, the
 * same answer as a full count, the same refusals; a file with many shared strings counted in a worker.
 */
describe('counting data rows', () => {
  it('counts up to the limit only, the same with shared strings (Excel) and inline strings (ours), on either thread', async () => {
    const inline = await exportFile(fx.file('150.xlsx'), fx.layout, Array.from({ length: 150 }, (_, i) => probationRow(i)));
    const shared = await edited(inline, fx.file('150-shared.xlsx'), (_book, sheet) => { sheet.getCell('C200').value = '   '; });
    for (const file of [inline, shared]) {
      expect(await countDataRows(file, fx.layout)).toBe(150);
      expect(await countDataRows(file, fx.layout, { upTo: 100 })).toBe(101);
      expect(await countDataRows(file, fx.layout, { upTo: 200 })).toBe(150);
    }
    // Shared strings beyond what the calling thread may hold: the worker counts, with the same answers.
    expect(await countDataRows(shared, fx.layout, { upTo: 100, maxStringChars: 10 })).toBe(101);
    expect(await countDataRows(shared, fx.layout, { maxStringChars: 10 })).toBe(150);
  });

  it('refuses what reading refuses: another template (on either thread), a damaged sheet', async () => {
    const renamed = await edited(fx.source, fx.file('renamed.xlsx'), (_book, sheet) => { sheet.getCell('J1').value = '带教医师'; });
    await expect(countDataRows(renamed, fx.layout, { upTo: 100 })).rejects.toBeInstanceOf(TemplateMismatchError);
    await expect(countDataRows(renamed, fx.layout, { upTo: 100, maxStringChars: 1 })).rejects.toBeInstanceOf(TemplateMismatchError);
    const broken = fx.file('broken.xlsx');
    fs.writeFileSync(broken, buildZip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'xl/workbook.xml', content: '<workbook><sheets><sheet name="试用期" sheetId="1" r:id="rId1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', content: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/worksheets/sheet1.xml', content: '<worksheet><sheetData><row r="1"><c r="A1"' },
    ]));
    const error = await countDataRows(broken, fx.layout, { upTo: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeFileError);
    expect((error as Error).message).toMatch(/无法读取文件内容/);
  });
});
