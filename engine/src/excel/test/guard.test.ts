import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_READ_LIMITS, guardXlsx, UnsafeFileError, writeTemplate } from '../index.js';
import { layoutOf, shippedRegistry, tempDir } from './support.js';
import { buildZip, xlsxSkeleton, type ZipEntry, type ZipTricks } from './zipBuilder.js';

const temp = tempDir();
let count = 0;
function write(content: Buffer | string): string {
  const file = temp.file(`f${(count += 1)}.xlsx`);
  fs.writeFileSync(file, content);
  return file;
}
const zipFile = (entries: ZipEntry[], tricks?: ZipTricks) => write(buildZip(entries, tricks));

/** 64 MiB of zeros deflate to ~64 KiB: the core of a zip bomb. */
const BOMB_SIZE = 64 * 1024 * 1024;
const bombData = zlib.deflateRawSync(Buffer.alloc(BOMB_SIZE), { level: 9 });

async function refusal(file: string, limits = DEFAULT_READ_LIMITS): Promise<{ error: UnsafeFileError; ms: number }> {
  const started = performance.now();
  const error = await guardXlsx(file, limits).then(() => undefined, (e: unknown) => e);
  const ms = performance.now() - started;
  expect(error).toBeInstanceOf(UnsafeFileError);
  return { error: error as UnsafeFileError, ms };
}

afterAll(() => temp.remove());

describe('guardXlsx', () => {
  let template: string;
  beforeAll(async () => {
    const { registry, dispose } = await shippedRegistry();
    template = temp.file('template.xlsx');
    await writeTemplate(fs.createWriteStream(template), layoutOf(registry, 'probation'), { refOptions: {}, institutionName: '江岸区人民医院' });
    await dispose();
  });

  it('accepts a template we wrote', async () => {
    await expect(guardXlsx(template)).resolves.toBeUndefined();
  });

  it('refuses a zip bomb whose headers tell the truth, at once', async () => {
    const entries = [...xlsxSkeleton, ...Array.from({ length: 6 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, deflated: bombData, declaredSize: BOMB_SIZE }))];
    const { error, ms } = await refusal(zipFile(entries));
    expect(error.message).toContain('解压后的内容过大');
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a zip bomb whose headers lie about its size, within a second (actual inflation is counted)', async () => {
    const entries = [...xlsxSkeleton, ...Array.from({ length: 8 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, deflated: bombData, declaredSize: 1000 }))];
    const { error, ms } = await refusal(zipFile(entries));
    expect(error.message).toContain('解压后的内容过大');
    expect(ms).toBeLessThan(1000);
  });

  it('refuses an entry that inflates far more than it is compressed (ratio cap), even within the size cap', async () => {
    const { error } = await refusal(zipFile([...xlsxSkeleton, { name: 'xl/worksheets/sheet1.xml', deflated: bombData, declaredSize: BOMB_SIZE }]));
    expect(error.message).toContain('压缩比超过 200 倍');
  });

  it('refuses central records that point at the same data (overlapping entries)', async () => {
    const entries = [...xlsxSkeleton, { name: 'xl/worksheets/sheet1.xml', content: '<worksheet/>' }];
    const { error } = await refusal(zipFile(entries, { overlap: [{ name: 'xl/worksheets/sheet2.xml', of: 2 }] }));
    expect(error.message).toContain('文件已损坏');
  });

  it('refuses data hidden between entries (a local entry missing from the central directory)', async () => {
    const entries = [xlsxSkeleton[0]!, { name: 'xl/worksheets/sheet9.xml', deflated: bombData, declaredSize: BOMB_SIZE }, xlsxSkeleton[1]!];
    const { error } = await refusal(zipFile(entries, { hide: [1] }));
    expect(error.message).toContain('文件已损坏');
  });

  it('refuses too many entries', async () => {
    const entries = [...xlsxSkeleton, ...Array.from({ length: 30 }, (_, i) => ({ name: `xl/media/${i}.xml`, content: 'x' }))];
    const { error } = await refusal(zipFile(entries), { ...DEFAULT_READ_LIMITS, maxEntries: 20 });
    expect(error.message).toBe('文件包含 32 个内部条目，超过了 20 个的上限，不是正常的导入文件。');
  });

  it('refuses a file over the size cap', async () => {
    const { error } = await refusal(template, { ...DEFAULT_READ_LIMITS, maxBytes: 1024 });
    expect(error.message).toMatch(/^文件大小为 .* MB，超过了 0\.0 MB 的上限/);
  });

  it('refuses content that is not a zip, an old .xls, and a zip that is not a workbook', async () => {
    expect((await refusal(write('姓名,证件号码\n张三,420102199001011234\n'))).error.message).toContain('文件不是 Excel 工作簿（.xlsx）');
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]);
    expect((await refusal(write(xls))).error.message).toContain('旧版 Excel（.xls）');
    const docx = [{ name: '[Content_Types].xml', content: '<Types/>' }, { name: 'word/document.xml', content: '<w:document/>' }];
    expect((await refusal(zipFile(docx))).error.message).toContain('文件不是 Excel 工作簿（.xlsx）');
    expect((await refusal(write(Buffer.from('PK\u0003\u0004 but nothing else follows')))).error.message).toContain('文件已损坏');
  });

  it('refuses an encrypted entry', async () => {
    const { error } = await refusal(zipFile([...xlsxSkeleton, { name: 'xl/worksheets/sheet1.xml', content: '<worksheet/>', flags: 0x801 }]));
    expect(error.message).toContain('已加密');
  });
});
