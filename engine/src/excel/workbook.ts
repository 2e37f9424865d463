import ExcelJS from 'exceljs';
import { neutralise } from './neutralise.js';
import { columnLetter } from './verify.js';
import { LISTS_SHEET, META_FORMAT, META_SHEET, type CellValue, type ImportLayout } from './types.js';

export type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;
export type Target = { stream: NodeJS.WritableStream } | { filename: string };

/**
 * A streaming workbook (exceljs `WorkbookWriter`: rows go to the zip as they are committed). Sheet
 * order: `_meta` first (so a streaming reader meets it before the data), then the data sheet, the
 * active tab.
 */
export function createWorkbook(target: Target): WorkbookWriter {
  // Fastest deflate: templates, reports and exports are written while the user waits, and level 1
  // costs a few per cent in size against the default level 6.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ ...target, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } } as
    Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  workbook.creator = '医师资格考试预报名系统';
  workbook.views = [{ activeTab: 1, firstSheet: 0, visibility: 'visible', x: 0, y: 0, width: 24000, height: 16000 }];
  return workbook;
}

/** Writes one row of plain values, each neutralised, styles it and commits it. */
export function addPlainRow(sheet: ExcelJS.Worksheet, values: CellValue[], style?: (row: ExcelJS.Row) => void): ExcelJS.Row {
  const row = sheet.addRow(values.map(neutralise));
  style?.(row);
  row.commit();
  return row;
}

/**
 * The hidden, protected sheet naming what the workbook is: format, entity, title, definition
 * version, column checksum, data sheet and the column keys (with their titles) in order.
 */
export function writeMetaSheet(workbook: WorkbookWriter, layout: ImportLayout): void {
  const sheet = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const rows: CellValue[][] = [
    ['format', META_FORMAT], ['entity', layout.entity], ['title', layout.title], ['version', layout.version],
    ['checksum', layout.checksum], ['sheet', layout.sheet], ...layout.columns.map((c) => ['column', c.key, c.title]),
  ];
  for (const row of rows) addPlainRow(sheet, row);
  // exceljs sets the protection synchronously inside the promise it returns (no password: no hashing).
  void sheet.protect('', { selectLockedCells: false, selectUnlockedCells: false });
  sheet.commit();
}

/**
 * The hidden sheet holding every dropdown's options, one list per column, so validations refer to an
 * absolute range (`'_lists'!$A$1:$A$n`) and no list meets Excel's 255-character limit on inline lists.
 */
export class ListsSheet {
  private readonly lists: string[][] = [];

  /** Registers a list and returns the formula of its range. */
  add(values: string[]): string {
    const unique = [...new Set(values.filter((v) => v !== ''))];
    this.lists.push(unique);
    const letter = columnLetter(this.lists.length - 1);
    return `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${unique.length}`;
  }

  write(workbook: WorkbookWriter): void {
    const sheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    const length = Math.max(0, ...this.lists.map((l) => l.length));
    for (let i = 0; i < length; i += 1) addPlainRow(sheet, this.lists.map((list) => list[i] ?? null));
    sheet.commit();
  }
}
