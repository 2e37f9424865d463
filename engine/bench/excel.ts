import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { DictionaryContent, EntityContent, EntityVersion } from '../src/definitions/index.js';
import { importLayout, readImportRows, writeExport, writeTemplate, type CellValue, type ImportLayout } from '../src/excel/index.js';
import { buildDictionary } from '../src/schema/index.js';

const definitions = new URL('../../definitions/', import.meta.url);
const readJson = <T>(name: string) => JSON.parse(fs.readFileSync(new URL(name, definitions), 'utf8')) as T;

/** The layout of a shipped entity straight from the definition files (the bench has no database). */
export function shippedLayout(key: string): ImportLayout {
  const entity = (name: string): EntityVersion => ({
    definition: { kind: 'entity', key: name, version: 1, status: 'published', checksum: '', content: readJson<EntityContent>(`entities/${name}.json`) },
    schema: undefined as never,
  });
  const registry = {
    dictionary: (name: string) => buildDictionary(readJson<DictionaryContent>(`dictionaries/${name}.json`), 1),
    entity,
  };
  return importLayout(entity(key), registry)!;
}

/**
 * The baseline: a bare exceljs streaming template with the same header and one list validation of
 * `listLength` items per column over rows 2..5001, the list in a hidden sheet — what a hand-written
 * template costs, without our notes, formats, instructions and `_meta`.
 */
export async function rawValidationTemplate(out: NodeJS.WritableStream, titles: string[], listLength: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true } as unknown as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  const sheet = workbook.addWorksheet('data');
  sheet.addRow(titles).commit();
  titles.forEach((_, i) => {
    const letter = String.fromCharCode(65 + i);
    (sheet as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations
      .add(`${letter}2:${letter}5001`, { type: 'list', allowBlank: true, formulae: [`lists!$A$1:$A$${listLength}`] });
  });
  sheet.commit();
  const lists = workbook.addWorksheet('lists', { state: 'hidden' });
  for (let i = 0; i < listLength; i += 1) lists.addRow([`选项${i}`]).commit();
  lists.commit();
  await workbook.commit();
}

const probationRow = (i: number): CellValue[] => ['江岸区人民医院', `考生${i}`, '居民身份证', `42010219900101${String(i % 10000).padStart(4, '0')}`,
  '内科', '非应届', 2024, '2023-01-01', '2023-06-30', '李四', '110420100000001', `备注${i}`];

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** (f) Template generation of the probation sheet vs the raw baseline, alternating rounds (ms each). */
export async function templateFigures(rounds = 30): Promise<{ template: number; raw: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-f-'));
  const layout = shippedLayout('probation');
  const listLength = Math.max(...layout.columns.map((c) => c.dictionary?.items.length ?? 0), 2);
  try {
    const time = { template: 0, raw: 0 };
    for (let round = -1; round < rounds; round += 1) {
      const ours = () => writeTemplate(fs.createWriteStream(path.join(dir, 't.xlsx')), layout,
        { refOptions: { '@personDepartment': ['内科', '外科', '医务科'] }, institutionName: '江岸区人民医院' });
      const raw = () => rawValidationTemplate(fs.createWriteStream(path.join(dir, 'r.xlsx')), layout.columns.map((c) => c.title), listLength);
      if (round < 0) { await ours(); await raw(); continue; } // warm-up: both code paths compiled before timing
      if (round % 2 === 0) { time.template += await timed(ours); time.raw += await timed(raw); }
      else { time.raw += await timed(raw); time.template += await timed(ours); }
    }
    return { template: time.template / rounds, raw: time.raw / rounds };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Template generation (probation, 3 alternating rounds) next to the raw baseline; then an
 * import read of `rows` probation rows in the worker with the main event loop's delay measured.
 */
export async function excelFigures(rows: number, rounds = 3): Promise<{ template: number; raw: number; write: number;
  read: number; rowsPerSecond: number; p99: number; max: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-e-'));
  const layout = shippedLayout('probation');
  const file = (name: string) => path.join(dir, name);
  const listLength = Math.max(...layout.columns.map((c) => c.dictionary?.items.length ?? 0), 2);
  try {
    const time = { template: 0, raw: 0 };
    for (let round = 0; round < rounds; round += 1) {
      time.template += await timed(() => writeTemplate(fs.createWriteStream(file('t.xlsx')), layout,
        { refOptions: { '@personDepartment': ['内科', '外科', '医务科'] }, institutionName: '江岸区人民医院' }));
      time.raw += await timed(() => rawValidationTemplate(fs.createWriteStream(file('r.xlsx')), layout.columns.map((c) => c.title), listLength));
    }
    const write = await timed(() => writeExport(fs.createWriteStream(file('big.xlsx')), layout,
      (function* () { for (let i = 0; i < rows; i += 1) yield probationRow(i); })(), { refOptions: {} }));
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let count = 0;
    delay.enable();
    const read = await timed(async () => { for await (const chunk of readImportRows(file('big.xlsx'), layout)) count += chunk.length; });
    delay.disable();
    if (count !== rows) throw new Error(`read ${count} rows of ${rows}`);
    return { template: time.template / rounds, raw: time.raw / rounds, write, read, rowsPerSecond: rows / (read / 1000),
      p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const figures = await excelFigures(Number(process.env.BENCH_IMPORT_ROWS ?? 100_000));
  console.log(JSON.stringify(figures, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v), 2));
}
