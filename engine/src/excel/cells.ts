import { compactNumberDate, dateToSerial, isoDate, serialToIsoDate, textToIsoDate } from './dates.js';
import { unneutralise } from './neutralise.js';
import type { CellValue, ColumnKind, ImportColumn } from './types.js';

type Column = Pick<ImportColumn, 'kind' | 'idNumber' | 'code'>;
/** A cell's content with exceljs's wrappers removed. */
type Plain = string | number | boolean | Date;
export interface CellContext { date1904: boolean }
export type CellResult = { value: CellValue } | { problem: string } | { empty: true };

const MESSAGES = {
  idNumber: '单元格是数值或公式，长号码可能已被 Excel 改变（例如变成 1.31E+17）。请把该列设置为“文本”格式后重新输入号码，不要使用公式。',
  digitsLost: '单元格是数值，位数太多的数字已被 Excel 改变。请把该列设置为“文本”格式后重新输入。',
  date: '不是有效的日期。请按 YYYY-MM-DD 格式填写，例如 2024-01-05。',
  integer: '应填写整数，例如 2024。',
  number: '应填写数字。',
  boolean: '应填写文字，不能是 TRUE/FALSE 这样的逻辑值。',
  error: (code: string) => `单元格的值是错误 ${code}，请改为正确的内容。`,
};

interface Unwrapped { plain: Plain | null; formula: boolean; error?: string }

/** exceljs's cell value (rich text, hyperlink, formula with its cached result, error) → its plain content. */
export function unwrap(value: unknown): Unwrapped {
  if (value === null || value === undefined) return { plain: null, formula: false };
  if (value instanceof Date) return { plain: Number.isNaN(value.getTime()) ? null : value, formula: false };
  if (typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return { plain: null, formula: false, error: '#NUM!' };
    return { plain: value as Plain, formula: false };
  }
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.richText)) {
    return { plain: (object.richText as Array<{ text?: unknown }>).map((run) => String(run.text ?? '')).join(''), formula: false };
  }
  if ('formula' in object || 'sharedFormula' in object) {
    const result = object.result;
    const inner = typeof result === 'number' && Number.isNaN(result) ? { plain: null, formula: false, error: '#VALUE!' } : unwrap(result);
    return { ...inner, formula: true };
  }
  if (typeof object.error === 'string') return { plain: null, formula: false, error: object.error };
  if ('text' in object) return unwrap(object.text);
  return { plain: null, formula: false };
}

/** The value kept for the error report: what the user sees in the cell. */
export function rawValue(cell: Unwrapped): CellValue {
  if (cell.error) return cell.error;
  return cell.plain instanceof Date ? isoDate(cell.plain) : cell.plain;
}

const safeDigits = (n: number) => Number.isSafeInteger(n) && Math.abs(n) < 1e15;

/** A number in a text column: its digits when Excel can have kept them all, else a problem (never guessed). */
function numberAsText(n: number): CellResult {
  if (Number.isInteger(n)) return safeDigits(n) ? { value: String(n) } : { problem: MESSAGES.digitsLost };
  return { value: String(n) };
}

const text = (s: string, column: Column) => (column.code ? s.normalize('NFKC') : s);

const wholeNumber = (n: number): CellResult => (Number.isInteger(n) ? { value: n } : { problem: MESSAGES.integer });

type Reader = (plain: Plain, column: Column, context: CellContext) => CellResult;

/** Per column kind: what a non-empty plain value becomes. Strings arrive trimmed and un-neutralised. */
const readers: Record<ColumnKind, Reader> = {
  text: (plain, column) => {
    if (typeof plain === 'string') return { value: text(plain, column) };
    if (typeof plain === 'number') return numberAsText(plain);
    if (plain instanceof Date) return { value: isoDate(plain) };
    return { problem: MESSAGES.boolean };
  },
  date: (plain, _column, { date1904 }) => {
    // A date cell is a serial too: 20240105 typed into a date-formatted cell arrives as a Date in year 57288.
    const serial = plain instanceof Date ? dateToSerial(plain, date1904) : plain;
    const value = typeof serial === 'number' ? compactNumberDate(serial) ?? serialToIsoDate(serial, date1904)
      : typeof serial === 'string' ? textToIsoDate(serial.normalize('NFKC')) : undefined;
    return value ? { value } : { problem: MESSAGES.date };
  },
  integer: (plain, _column, { date1904 }) => {
    if (typeof plain === 'number') return wholeNumber(plain);
    if (plain instanceof Date) return wholeNumber(dateToSerial(plain, date1904));
    const s = typeof plain === 'string' ? plain.normalize('NFKC').replace(/\.0+$/, '') : '';
    return /^[+-]?\d{1,15}$/.test(s) ? { value: Number(s) } : { problem: MESSAGES.integer };
  },
  number: (plain, _column, { date1904 }) => {
    if (typeof plain === 'number') return { value: plain };
    if (plain instanceof Date) return { value: dateToSerial(plain, date1904) };
    const s = typeof plain === 'string' ? plain.normalize('NFKC').replace(/,/g, '') : '';
    return s !== '' && Number.isFinite(Number(s)) ? { value: Number(s) } : { problem: MESSAGES.number };
  },
  dictionary: (plain) => ({ value: plain instanceof Date ? isoDate(plain) : String(plain) }),
  ref: (plain) => ({ value: plain instanceof Date ? isoDate(plain) : String(plain) }),
};

/**
 * One cell, read for its column: error values and (in ID-number columns) numbers and formulas are
 * problems; strings are trimmed and un-neutralised; then the column kind's reader decides.
 */
export function readCell(cell: Unwrapped, column: Column, context: CellContext): CellResult {
  if (cell.error) return { problem: MESSAGES.error(cell.error) };
  let plain = cell.plain;
  if (typeof plain === 'string') plain = unneutralise(plain.trim()).trim();
  if (plain === null || plain === '') return { empty: true };
  if (column.idNumber && (cell.formula || typeof plain === 'number')) return { problem: MESSAGES.idNumber };
  return readers[column.kind](plain, column, context);
}
