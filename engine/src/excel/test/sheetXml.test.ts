import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { XlsxPackage } from '../xlsxPackage.js';
import { tempDir } from './support.js';
import { buildZip } from './zipBuilder.js';

const temp = tempDir();
afterAll(() => temp.remove());

/** A workbook as another program may save it, written by hand: what our SAX reader makes of each kind of cell. */
function workbook(name: string, sheetXml: string, sharedStrings?: string): string {
  const file = temp.file(name);
  fs.writeFileSync(file, buildZip([
    { name: '[Content_Types].xml', content: '<Types/>' },
    { name: 'xl/_rels/workbook.xml.rels', content: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
      + '<Relationship Id="rId9" Target="/xl/strings.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>' },
    ...(sharedStrings ? [{ name: 'xl/strings.xml', content: sharedStrings }] : []),
    { name: 'xl/worksheets/sheet1.xml', content: `<worksheet><sheetData>${sheetXml}</sheetData></worksheet>` },
    { name: 'xl/workbook.xml', content: '<workbook><workbookPr date1904="1"/><sheets><sheet name="数据 &amp; 说明" sheetId="1" r:id="rId1" state="hidden"/></sheets></workbook>' },
  ]));
  return file;
}

async function read(file: string) {
  const book = await XlsxPackage.open(file);
  try {
    const strings = await book.sharedStrings();
    const rows = [];
    for await (const batch of book.rows(book.sheets[0]!, strings)) rows.push(...batch);
    return { book, strings, rows };
  } finally {
    book.close();
  }
}

describe('the SAX reader of uploads', () => {
  it('reads sheet names, visibility, the date system and the shared strings table wherever the relationships put it', async () => {
    const { book, strings } = await read(workbook('strings.xlsx', '', '<sst><si><t>张三</t></si>'
      + '<si><r><t>李</t></r><r><rPr><b/></rPr><t xml:space="preserve">四 </t></r></si>'
      + '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si><si><t>换行_x000D_符_x005F_x0041_</t></si></sst>'));
    expect(book.sheets).toEqual([{ name: '数据 & 说明', state: 'hidden', part: 'xl/worksheets/sheet1.xml' }]);
    expect(book.date1904).toBe(true);
    // Rich-text runs joined; the phonetic guide left out (exceljs' streaming reader kept "かんじ"); Excel's escapes decoded.
    expect(strings).toEqual(['张三', '李四 ', '漢字', '换行\r符_x0041_']);
  });

  it('gives each cell its plain content, formula flag or error; rows and cells without a reference follow the previous one', async () => {
    const { rows } = await read(workbook('cells.xlsx', '<row r="2"><c r="A2" t="s"><v>1</v></c>'
      + '<c r="C2" t="inlineStr"><is><r><t>王</t></r><r><t>五</t></r></is></c>'
      + '<c r="D2" t="str"><f>"42"&amp;"01"</f><v>4201</v></c><c r="E2"><f t="shared" si="0"/><v>2024</v></c>'
      + '<c r="F2" t="b"><v>1</v></c><c r="G2" t="e"><v>#N/A</v></c><c r="H2"><v>45292</v></c><c r="I2" s="3"/></row>'
      + '<row><c t="s"><v>0</v></c><c><v>1.31E+17</v></c></row>', '<sst><si><t>甲</t></si><si><t>乙</t></si></sst>'));
    expect(rows.map((r) => r.number)).toEqual([2, 3]);
    expect(rows[0]!.cells.slice(1)).toEqual([
      { plain: '乙', formula: false }, undefined,
      { plain: '王五', formula: false }, // inline rich text whole (exceljs' streaming reader kept only the last run)
      { plain: '4201', formula: true }, { plain: 2024, formula: true }, { plain: true, formula: false },
      { plain: null, formula: false, error: '#N/A' }, { plain: 45292, formula: false }, { plain: null, formula: false },
    ]);
    expect(rows[1]!.cells.slice(1)).toEqual([{ plain: '甲', formula: false }, { plain: 1.31e17, formula: false }]);
  });

  it('refuses malformed XML instead of guessing', async () => {
    await expect(read(workbook('broken.xlsx', '<row r="1"><c r="A1"><v>1</v></row>'))).rejects.toThrow();
  });
});
