import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestEngine, PDF_MINIMAL, type HttpClient } from '../../testing/index.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const documentType = JSON.parse(fs.readFileSync(new URL('../../../../definitions/dictionaries/documentType.json', import.meta.url), 'utf8'));

async function sheetRows(bytes: Buffer, sheet = '字典项'): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function workbook(rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('字典项');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const HEADER = ['编码', '名称', '排序', '状态', '上级编码', '别名', '附加属性'];

describe.each(testDatabases())('designer dictionary .xlsx (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  const users = {} as Record<'admin' | 'bureau' | 'institution', HttpClient>;

  beforeAll(async () => {
    for (const [who, username] of [['admin', 'sysadmin01'], ['bureau', 'hbwjw0001'], ['institution', 'jarmyy001']] as const) {
      users[who] = ctx.engine.client();
      await users[who].firstLogin(username);
    }
  });

  it('exports the items in force, and the file imports back to the same items', async () => {
    const download = await users.bureau.download('/api/designer/dictionaries/documentType/export.xlsx');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain(XLSX);
    const rows = await sheetRows(download.bytes);
    expect(rows[0]).toEqual(HEADER);
    expect(rows.length).toBe(documentType.items.length + 1);
    expect(rows[1]!.slice(0, 4)).toEqual([documentType.items[0].code, documentType.items[0].label, documentType.items[0].order, '启用']);

    const back = await users.bureau.upload('/api/designer/dictionaries/documentType/import', 'doc.xlsx', download.bytes, XLSX);
    expect(back.status).toBe(200);
    expect(back.body.problems).toEqual([]);
    expect(back.body.items).toEqual(documentType.items.map((item: Record<string, unknown>) => ({ enabled: true, ...item })));
  });

  it('exports the draft when there is one, and a published version when asked', async () => {
    const gender = (await users.bureau.get('/api/designer/definitions/dictionary/gender')).body.inForce.content;
    const draft = { ...gender, items: [...gender.items, { code: '5', label: '其他', enabled: false }] };
    expect((await users.bureau.put('/api/designer/definitions/dictionary/gender/draft', { content: draft })).status).toBe(200);
    const fromDraft = await users.bureau.download('/api/designer/dictionaries/gender/export.xlsx');
    expect(decodeURIComponent(fromDraft.headers.get('content-disposition')!)).toContain('gender 草稿');
    expect((await sheetRows(fromDraft.bytes)).at(-1)!.slice(0, 4)).toEqual(['5', '其他', undefined, '停用']);
    const published = await sheetRows((await users.bureau.download('/api/designer/dictionaries/gender/export.xlsx?from=1')).bytes);
    expect(published.length).toBe(gender.items.length + 1);
    expect((await users.bureau.delete('/api/designer/definitions/dictionary/gender/draft')).status).toBe(204);
  });

  it('neutralises formulas in what it writes, and reads them back as typed', async () => {
    const content = { kind: 'dictionary', key: 'designerXlsxTest', schemaVersion: 1, title: '测试字典',
      items: [{ code: 'A', label: '=HYPERLINK("http://x","点我")', enabled: false }, { code: 'B', label: '@SUM(1)', parent: 'A' }] };
    expect((await users.admin.post('/api/definitions', { content })).status).toBe(201);
    const download = await users.admin.download('/api/designer/dictionaries/designerXlsxTest/export.xlsx');
    const rows = await sheetRows(download.bytes);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ['A', `'=HYPERLINK("http://x","点我")`, '停用', undefined], ['B', "'@SUM(1)", '启用', 'A']]);
    const back = await users.admin.upload('/api/designer/dictionaries/designerXlsxTest/import', 'x.xlsx', download.bytes, XLSX);
    expect(back.body).toEqual({ problems: [], items: [{ code: 'A', label: content.items[0]!.label, enabled: false },
      { code: 'B', label: '@SUM(1)', enabled: true, parent: 'A' }] });
  });

  it('reports each wrong cell with its row and column, and problems across rows', async () => {
    const file = await workbook([HEADER,
      ['01', '甲', 1, '启用'],
      ['0 1', '乙', 'x', '也许'],
      [],
      ['01', '', null, null, '99', '别名一；别名二', '{"grade":'],
      ['03', '丙', 3, '停用', '03', null, '{"grade": 3}']]);
    const answer = await users.admin.upload('/api/designer/dictionaries/gender/import', 'bad.xlsx', file, XLSX);
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(4);
    expect(answer.body.items[3]).toEqual({ code: '03', label: '丙', order: 3, enabled: false, parent: '03', attrs: { grade: 3 } });
    expect(answer.body.problems.map((p: { path: string; message: string }) => `${p.path} ${p.message}`)).toEqual([
      '/items/1/code 第 3 行「编码」（A 列）：编码只能由 1–32 位字母、数字或 . _ - 组成，请修改。',
      '/items/1/order 第 3 行「排序」（C 列）：排序应填写整数，例如 10。',
      '/items/1/enabled 第 3 行「状态」（D 列）：状态应填写“启用”或“停用”。',
      '/items/2/label 第 5 行「名称」（B 列）不能为空。',
      '/items/2/attrs 第 5 行「附加属性」（G 列）：不是有效的 JSON，应形如 {"grade": 3}。不需要附加属性时请留空。',
      '/items/2/code 第 5 行的编码「01」与第 2 行重复，每项的编码必须不同。',
      '/items/2/parent 第 5 行的上级编码「99」不是本字典中的编码，请填写已有项的编码或留空。',
      '/items/3/parent 第 6 行的上级编码形成了循环（上级最终指向了自己），请修改。',
    ]);
  });

  it('refuses files that are not workbooks, and workbooks without the code column', async () => {
    const pdf = await users.admin.upload('/api/designer/dictionaries/gender/import', 'a.xlsx', PDF_MINIMAL, XLSX);
    expect(pdf.status).toBe(422);
    expect(pdf.body.errors[0]).toMatchObject({ code: 'UNSAFE_FILE', path: '/file' });
    const headerless = await users.admin.upload('/api/designer/dictionaries/gender/import', 'b.xlsx', await workbook([['名称'], ['男']]), XLSX);
    expect(headerless.body.problems[0].message).toContain('第 1 行没有「编码」列');
  });

  it('lets only designer users in, and entity previews only to those who may edit entities', async () => {
    expect((await users.institution.download('/api/designer/dictionaries/gender/export.xlsx')).status).toBe(403);
    const upload = await users.institution.upload('/api/designer/dictionaries/gender/import', 'a.xlsx', await workbook([HEADER]), XLSX);
    expect(upload.status).toBe(403);
    expect(upload.body.errors[0].message).toContain('设计器');
    expect((await users.admin.download('/api/designer/dictionaries/nope/export.xlsx')).status).toBe(404);

    const schema = { type: 'object', properties: { sex: { type: 'string', title: '性别', 'x-dictionary': 'gender' } } };
    expect((await users.bureau.post('/api/designer/entities/preview', { schema })).status).toBe(403);
    const preview = await users.admin.post('/api/designer/entities/preview', { schema });
    expect(preview.status).toBe(200);
    expect(preview.body.schema.properties.sex.oneOf.slice(0, 2)).toEqual([{ const: '1', title: '男' }, { const: '2', title: '女' }]);
    // A disabled item stays in the served options, marked, so an old record's value keeps its label.
    const subject = { type: 'object', properties: { s: { type: 'string', title: '诊疗科目', 'x-dictionary': 'clinicalSubject' } } };
    const options = (await users.admin.post('/api/designer/entities/preview', { schema: subject })).body.schema.properties.s.oneOf;
    expect(options.find((o: { const: string }) => o.const === 'A12.L01')).toEqual({ const: 'A12.L01', title: '口腔内科专业', 'x-parent': 'A12',
      'x-attrs': { legacy: true }, 'x-disabled': true });
    expect(options.filter((o: Record<string, unknown>) => o['x-disabled']).length).toBe(1);
    const broken = await users.admin.post('/api/designer/entities/preview', { schema: { type: 'object', properties: { a: null } } });
    expect(broken.status).toBe(422);
    expect(broken.body.errors[0].message).toContain('暂时无法预览');
  });
});
