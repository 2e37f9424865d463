import type ExcelJS from 'exceljs';
import { neutralise } from './neutralise.js';
import { columnLetter } from './verify.js';
import { REASON_TITLE, type CellValue, type ColumnKind, type ImportColumn, type ImportLayout } from './types.js';
import type { ListsSheet, WorkbookWriter } from './workbook.js';

/** Rows a template's dropdowns cover: 2..5001 (bounded: whole-column validations make readers expand a million cells). */
export const TEMPLATE_ROWS = 5000;
const MAX_ROW = 1_048_576;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const numFmts: Record<ColumnKind, string> = {
  text: '@', dictionary: '@', ref: '@', date: 'yyyy-mm-dd', integer: '0', number: 'General',
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

/** exceljs's streaming worksheet has `dataValidations` (written on commit); its typings omit it. */
type WithValidations = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

export interface DataSheetOptions {
  /** Dropdown options of ref columns by column key (e.g. the institution's department names). */
  refOptions: Record<string, string[]>;
  /** The only option of `机构名称` when `refOptions['@institution']` is not given. */
  institutionName?: string;
  /** An error report: a first column `错误原因`. */
  reasonColumn?: boolean;
}

function options(column: ImportColumn, settings: DataSheetOptions): string[] {
  if (column.dictionary) return column.dictionary.items.map((i) => i.label);
  if (column.kind !== 'ref') return [];
  const given = settings.refOptions[column.key];
  if (given) return given;
  return column.key === '@institution' && settings.institutionName ? [settings.institutionName] : [];
}

/** The visible sheet: header of titles (required ones red, each with its hint as a note), formats, dropdowns. */
export class DataSheet {
  private readonly sheet: ExcelJS.Worksheet;
  private readonly offset: number;
  private readonly validations: Array<{ letter: string; formula: string }> = [];
  private lastRow = 1;

  constructor(workbook: WorkbookWriter, private readonly layout: ImportLayout, settings: DataSheetOptions, lists: ListsSheet) {
    this.offset = settings.reasonColumn ? 1 : 0;
    const view = { state: 'frozen', ySplit: 1, tabSelected: true } as Partial<ExcelJS.WorksheetView>;
    this.sheet = workbook.addWorksheet(layout.sheet, { views: [view] });
    this.sheet.columns = [
      ...(settings.reasonColumn ? [{ width: 48, style: { alignment: { wrapText: true, vertical: 'top' as const } } }] : []),
      ...layout.columns.map((c) => ({ width: Math.max(12, c.title.length * 2 + 6), style: { numFmt: numFmts[c.kind] } })),
    ];
    layout.columns.forEach((column, i) => {
      const values = options(column, settings);
      if (values.length > 0) this.validations.push({ letter: columnLetter(i + this.offset), formula: lists.add(values) });
    });
    this.writeHeader();
  }

  private writeHeader(): void {
    const titles = [...(this.offset ? [REASON_TITLE] : []), ...this.layout.columns.map((c) => c.title)];
    const row = this.sheet.addRow(titles.map(neutralise));
    row.eachCell((cell, number) => {
      const column = this.layout.columns[number - 1 - this.offset];
      cell.style = { font: column?.required || !column ? REQUIRED_FONT : { bold: true }, fill: HEADER_FILL,
        alignment: { vertical: 'middle', wrapText: true }, numFmt: '@' };
      if (column?.note) cell.note = column.note;
    });
    row.commit();
  }

  /** One data row: values in layout order (dates as 'YYYY-MM-DD' become date cells), text neutralised. */
  addRow(values: CellValue[], report?: { reasons: string[]; badColumns: string[] }): void {
    const cells = this.layout.columns.map((column, i) => {
      const value = values[i] ?? null;
      if (column.kind === 'date' && typeof value === 'string' && ISO_DATE.test(value)) return new Date(`${value}T00:00:00Z`);
      return neutralise(value);
    });
    const row = this.sheet.addRow(report ? [neutralise(report.reasons.join('\n')), ...cells] : cells);
    if (report) {
      row.getCell(1).font = { color: { argb: 'FFC00000' } };
      this.layout.columns.forEach((column, i) => {
        if (report.badColumns.includes(column.key)) row.getCell(i + 1 + this.offset).fill = BAD_FILL;
      });
    }
    row.commit();
    this.lastRow = row.number;
  }

  /** Dropdowns over rows 2..max(5001, last row + 500) through `_lists` ranges; then the sheet is closed. */
  commit(): void {
    const last = Math.min(MAX_ROW, Math.max(TEMPLATE_ROWS + 1, this.lastRow + 500));
    for (const { letter, formula } of this.validations) {
      (this.sheet as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${last}`, {
        type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorStyle: 'warning',
        errorTitle: '不在下拉列表中', error: '该内容不在下拉列表中，请从列表中选择（字典类的列也可以填写代码）。确定要保留吗？',
      });
    }
    this.sheet.commit();
  }
}
