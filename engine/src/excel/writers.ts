import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { DataSheet, type DataSheetOptions } from './dataSheet.js';
import { writeInstructionsSheet } from './instructions.js';
import { createWorkbook, ListsSheet, writeMetaSheet, type Target, type WorkbookWriter } from './workbook.js';
import type { CellValue, ImportLayout } from './types.js';

/** A workbook of one import layout: `_meta`, the data sheet, `填写说明`, `_lists` — rows added in between. */
class ImportWorkbook {
  private readonly workbook: WorkbookWriter;
  private readonly lists = new ListsSheet();
  readonly sheet: DataSheet;

  constructor(target: Target, private readonly layout: ImportLayout, settings: DataSheetOptions, private readonly instructions = true) {
    this.workbook = createWorkbook(target);
    writeMetaSheet(this.workbook, layout);
    this.sheet = new DataSheet(this.workbook, layout, settings, this.lists);
  }

  async finish(): Promise<void> {
    this.sheet.commit();
    if (this.instructions) writeInstructionsSheet(this.workbook, this.layout);
    this.lists.write(this.workbook);
    await this.workbook.commit();
  }
}

/**
 * The import template of a layout, streamed to `out` (exceljs streaming writer). Resolves when
 * `out` has finished: whoever reads `out` (e.g. an HTTP response) must be reading before this is awaited.
 */
export async function writeTemplate(out: NodeJS.WritableStream, layout: ImportLayout,
  options: { refOptions: Record<string, string[]>; institutionName?: string }): Promise<void> {
  await new ImportWorkbook({ stream: out }, layout, options).finish();
}

/**
 * A list export with the template's columns, `_meta` and dropdowns, so an edited export imports back.
 * `instructions: false` leaves out 填写说明 (a list that is not an import template, e.g. accepted candidates).
 */
export async function writeExport(out: NodeJS.WritableStream, layout: ImportLayout,
  rows: AsyncIterable<CellValue[]> | Iterable<CellValue[]>,
  options: { refOptions: Record<string, string[]>; institutionName?: string; instructions?: boolean }): Promise<void> {
  const book = new ImportWorkbook({ stream: out }, layout, options, options.instructions ?? true);
  const writable = out as Partial<Writable>;
  let count = 0;
  for await (const row of rows) {
    book.sheet.addRow(row);
    count += 1;
    if (count % 200 === 0 && writable.writableNeedDrain) await once(out as Writable, 'drain');
  }
  await book.finish();
}

export interface ReportWriter {
  /** One failed row: its raw values (layout order), its reasons (each "列名：消息"), the keys of its bad columns. */
  add(raw: CellValue[], reasons: string[], badColumns: string[]): void;
  finish(): Promise<void>;
}

/**
 * The error report (R-11.4) written to `file`: the layout's sheet with a first column `错误原因`
 * (reasons one per line), the failed rows' values as uploaded, bad cells filled red; `_meta`,
 * dropdowns and formats as in the template, so the report imports again as it is.
 */
export function createReportWriter(file: string, layout: ImportLayout, options: { refOptions: Record<string, string[]>; institutionName?: string }): ReportWriter {
  const book = new ImportWorkbook({ filename: file }, layout, { ...options, reasonColumn: true });
  let finished = false;
  return {
    add(raw, reasons, badColumns) {
      if (finished) throw new Error('error report already finished');
      book.sheet.addRow(raw, { reasons, badColumns });
    },
    async finish() {
      if (finished) return;
      finished = true;
      await book.finish();
    },
  };
}
