import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TemplateMismatchError, writeTemplate } from '../index.js';
import { edited, readAll, readFailure, useFixture } from './fixtures.js';
import { layoutOf } from './support.js';

const fx = useFixture(1);

const mismatch = async (file: string, against = fx.layout) => (await readFailure(file, against, TemplateMismatchError)).message;
let count = 0;
const edit = (change: Parameters<typeof edited>[2]) => edited(fx.source, fx.file(`edited${(count += 1)}.xlsx`), change);

describe('template verification (readImportRows)', () => {
  it('refuses the template of another entity, naming it', async () => {
    const education = fx.file('education.xlsx');
    await writeTemplate(fs.createWriteStream(education), layoutOf(fx.registry, 'education'), { refOptions: {} });
    expect(await mismatch(education)).toBe('该文件是「学历信息」的导入模板，不能导入到「试用期」。请下载「试用期」的导入模板，把数据复制到模板中再导入。');
  });

  it('names a renamed column by position', async () => {
    const file = await edit((_book, sheet) => { sheet.getCell('J1').value = '带教医师'; });
    expect(await mismatch(file)).toContain('表格的列与「试用期」的导入模板不一致：第 10 列（J 列）应为「带教老师」，现为「带教医师」。');
  });

  it('names a missing column', async () => {
    const file = await edit((_book, sheet) => { sheet.spliceColumns(12, 1); });
    expect(await mismatch(file)).toContain('缺少列「备注」');
  });

  it('names an extra column, and a __proto__ or constructor header is just another unknown column', async () => {
    const file = await edit((_book, sheet) => {
      sheet.getCell('M1').value = '__proto__';
      sheet.getCell('N1').value = 'constructor';
      sheet.getCell('M2').value = 'polluted';
    });
    const error = await readFailure(file, fx.layout, TemplateMismatchError);
    expect(error.problems).toEqual(['多出了列「__proto__」（第 13 列（M 列））', '多出了列「constructor」（第 14 列（N 列））']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('refuses moved columns', async () => {
    const file = await edit((_book, sheet) => {
      sheet.getCell('H1').value = '试用期结束日期';
      sheet.getCell('I1').value = '试用期开始日期';
    });
    expect(await mismatch(file)).toContain('列的顺序被调整过：第 8 列（H 列）应为「试用期开始日期」，现为「试用期结束日期」');
  });

  it('refuses a sheet without our hidden _meta, even with the right header', async () => {
    const file = await edit((book) => { book.removeWorksheet(book.getWorksheet('_meta')!.id); });
    expect(await mismatch(file)).toBe('该文件不是本系统的「试用期」导入模板（缺少隐藏的模板信息）。请下载「试用期」的导入模板，把数据复制到模板中再导入。');
  });

  it('refuses a template whose columns changed since it was downloaded', async () => {
    const newer = { ...fx.layout, version: fx.layout.version + 1, checksum: '0000000000000000' };
    expect(await mismatch(fx.source, newer)).toBe(`模板已过期：下载该模板后「试用期」的列设置发生了变化（模板为第 ${fx.layout.version} 版，当前为第 ${fx.layout.version + 1} 版）。` +
      '请重新下载导入模板，把数据复制到新模板中再导入。');
  });

  it('refuses a workbook without the data sheet', async () => {
    const file = await edit((book, sheet) => { book.removeWorksheet(sheet.id); });
    expect(await mismatch(file)).toContain('文件中没有「试用期」工作表');
  });

  it('accepts a renamed data sheet, and a data sheet placed before _meta (_meta is found wherever it is stored)', async () => {
    const file = await edit((book, sheet) => {
      sheet.name = '试用期信息';
      (book.getWorksheet('_meta') as unknown as { orderNo: number }).orderNo = 99; // written last: the reader meets the data sheet first
    });
    const rows = await readAll(file, fx.layout);
    expect(rows.map((r) => r.cells.get('@personName'))).toEqual(['张三1']);
  });
});
