import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect } from 'vitest';
import type { DefinitionRegistry } from '../../definitions/index.js';
import { layoutOf, shippedRegistry, tempDir } from './support.js';
import { readImportRows, writeExport, type CellValue, type ImportLayout, type ReadLimits, type SheetRow } from '../index.js';

/** A valid probation row in layout order. */
export function probationRow(i = 0): CellValue[] {
  return ['江岸区人民医院', `张三${i}`, '居民身份证', '420102199001011234', '内科', '非应届', 2024, '2023-01-01', '2023-06-30',
    '李四', '110420100000001', `备注${i}`];
}

export async function exportFile(file: string, layout: ImportLayout, rows: CellValue[][]): Promise<string> {
  await writeExport(fs.createWriteStream(file), layout, rows, { refOptions: { '@personDepartment': ['内科', '外科'] } });
  return file;
}

/** Opens `source` with exceljs (in memory), lets the test change it, writes it to `target`. */
export async function edited(source: string, target: string,
  edit: (book: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(source);
  edit(book, book.worksheets.find((s) => s.state === 'visible')!);
  await book.xlsx.writeFile(target);
  return target;
}

export async function readAll(file: string, layout: ImportLayout, options: { limits?: ReadLimits; chunkSize?: number } = {}): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const chunk of readImportRows(file, layout, options)) rows.push(...chunk);
  return rows;
}

/** The error reading fails with, of the given class. */
export async function readFailure<E extends Error>(file: string, layout: ImportLayout, type: new (...args: never[]) => E,
  options: { limits?: ReadLimits } = {}): Promise<E> {
  const error = await readAll(file, layout, options).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(type);
  return error as E;
}

export const cellsOf = (row: SheetRow | undefined) => Object.fromEntries(row?.cells ?? []);

export interface Fixture {
  registry: DefinitionRegistry;
  /** The probation layout in force. */
  layout: ImportLayout;
  /** An export of the probation rows asked for (1, 2, …). */
  source: string;
  file(name: string): string;
}

/**
 * Registers the suite's beforeAll/afterAll: the shipped definitions in a throw-away database, the
 * probation layout, an export of `rows` valid rows, a temporary directory removed at the end.
 */
export function useFixture(rows = 0): Fixture {
  const temp = tempDir();
  const fixture = { file: temp.file } as Fixture;
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const shipped = await shippedRegistry();
    dispose = shipped.dispose;
    fixture.registry = shipped.registry;
    fixture.layout = layoutOf(shipped.registry, 'probation');
    fixture.source = await exportFile(temp.file('probation.xlsx'), fixture.layout, Array.from({ length: rows }, (_, i) => probationRow(i + 1)));
  });
  afterAll(async () => {
    await dispose?.();
    temp.remove();
  });
  return fixture;
}
