import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { countDataRows, readImportRows, writeTemplate, type ImportLayout } from '../index.js';
import { useFixture } from './fixtures.js';
import { layoutOf } from './support.js';

const fx = useFixture();

type Validation = { type: string; formulae: string[] };
const validations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { model: Record<string, Validation> } }).dataValidations.model;

async function template(layout: ImportLayout, options: Parameters<typeof writeTemplate>[2]): Promise<{ file: string; book: ExcelJS.Workbook }> {
  const file = fx.file(`${layout.entity}-template.xlsx`);
  await writeTemplate(fs.createWriteStream(file), layout, options);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return { file, book };
}

/** The values of a `_lists` range formula such as `'_lists'!$B$1:$B$8`. */
function listValues(book: ExcelJS.Workbook, formula: string): unknown[] {
  const match = /^'_lists'!\$([A-Z]+)\$1:\$\1\$(\d+)$/.exec(formula);
  expect(match, formula).not.toBeNull();
  const sheet = book.getWorksheet('_lists')!;
  return Array.from({ length: Number(match![2]) }, (_, i) => sheet.getCell(`${match![1]}${i + 1}`).value);
}

describe('writeTemplate', () => {
  it('writes the probation sheet: header titles, text and date formats, required marks, notes', async () => {
    const layout = layoutOf(fx.registry, 'probation');
    const { book } = await template(layout, { refOptions: { '@personDepartment': ['内科', '外科', '医务科'] }, institutionName: '江岸区人民医院' });
    expect(book.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['_meta', 'veryHidden'], ['试用期', 'visible'], ['填写说明', 'visible'], ['_lists', 'hidden']]);
    expect(book.views[0]?.activeTab).toBe(1);
    const sheet = book.getWorksheet('试用期')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['机构名称', '姓名', '证件类型', '证件号码', '所在部门', '考生类型', '考试年度', '试用期开始日期',
      '试用期结束日期', '带教老师', '带教执业证书编码', '备注']);
    expect(sheet.getColumn(4).numFmt).toBe('@'); // 证件号码
    expect(sheet.getColumn(11).numFmt).toBe('@'); // 带教执业证书编码
    expect(sheet.getColumn(8).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('D1').font?.color?.argb).toBe('FFC00000'); // required
    expect(sheet.getCell('L1').font?.color).toBeUndefined(); // 备注 is optional
    expect(JSON.stringify(sheet.getCell('D1').note)).toContain('文本格式');
  });

  it('puts every dropdown in _lists over rows 2..5001 only, including a list far beyond 255 characters', async () => {
    const layout = layoutOf(fx.registry, 'person');
    const { book } = await template(layout, { refOptions: { departmentId: ['内科', '外科'], postId: [] }, institutionName: '江岸区人民医院' });
    const sheet = book.getWorksheet(layout.sheet)!;
    const model = validations(sheet);
    const column = (title: string) => sheet.getRow(1).values && (sheet.getRow(1).values as unknown[]).indexOf(title);
    const letter = (title: string) => String.fromCharCode(64 + column(title));
    const nationality = model[`${letter('国籍/地区')}2`]!;
    expect(nationality.type).toBe('list');
    const countries = listValues(book, nationality.formulae[0]!);
    expect(countries).toHaveLength(fx.registry.dictionary('country')!.items.length);
    expect(countries.join(',').length).toBeGreaterThan(255);
    expect(model[`${letter('国籍/地区')}5001`]).toEqual(nationality);
    expect(model[`${letter('国籍/地区')}5002`]).toBeUndefined();
    expect(listValues(book, model[`${letter('所在部门')}2`]!.formulae[0]!)).toEqual(['内科', '外科']);
    expect(listValues(book, model.A2!.formulae[0]!)).toEqual(['江岸区人民医院']);
    expect(model[`${letter('岗位')}2`]).toBeUndefined(); // no posts yet: no dropdown
    expect(model[`${letter('姓名')}2`]).toBeUndefined();
    const sex = listValues(book, model[`${letter('性别')}2`]!.formulae[0]!);
    expect(sex).toEqual(fx.registry.dictionary('gender')!.items.map((i) => i.label));
  });

  it('hides entity, version, checksum and column keys in a protected _meta sheet', async () => {
    const layout = layoutOf(fx.registry, 'education');
    const { book } = await template(layout, { refOptions: {} });
    const meta = book.getWorksheet('_meta')!;
    const rows = new Map<string, unknown[]>();
    meta.eachRow((row) => {
      const [key, ...values] = (row.values as unknown[]).slice(1);
      rows.set(String(key), [...(rows.get(String(key)) ?? []), values[0]]);
    });
    expect(rows.get('entity')).toEqual(['education']);
    expect(rows.get('version')).toEqual([layout.version]);
    expect(rows.get('checksum')).toEqual([layout.checksum]);
    expect(rows.get('column')).toEqual(layout.columns.map((c) => (c.key.startsWith('@') ? `'${c.key}` : c.key)));
    expect((meta as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
  });

  it('explains how to fill it, with each dictionary\'s labels and codes', async () => {
    const layout = layoutOf(fx.registry, 'probation');
    const { book } = await template(layout, { refOptions: {} });
    const lines: string[] = [];
    book.getWorksheet('填写说明')!.eachRow((row) => lines.push((row.values as unknown[]).slice(1).join(' | ')));
    const text = lines.join('\n');
    expect(text).toContain('日期请按 YYYY-MM-DD 格式填写');
    expect(text).toContain('证件号码、证书编码等列已设置为“文本”格式');
    expect(text).toContain('带教执业证书编码 | 必填 | 必填。本列为文本格式');
    expect(text).toContain('「考生类型」可填写的内容 | 代码');
    expect(text).toContain('居民身份证 | 01 | 身份证');
  });

  it('reads back as an empty import, and quickly', async () => {
    const layout = layoutOf(fx.registry, 'probation');
    const started = performance.now();
    const { file } = await template(layout, { refOptions: { '@personDepartment': ['内科'] } });
    expect(performance.now() - started).toBeLessThan(2000);
    const chunks = [];
    for await (const chunk of readImportRows(file, layout)) chunks.push(chunk);
    expect(chunks).toEqual([]);
    expect(await countDataRows(file, layout)).toBe(0);
  });
});
