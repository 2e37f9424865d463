import { compactNumberDate, serialToIsoDate, textToIsoDate } from './dates.js';
import { unneutralise } from './neutralise.js';
import type { CellValue, ColumnKind, ImportColumn } from './types.js';

type Column = Pick<ImportColumn, 'kind' | 'idNumber' | 'code'>;
type Plain = string | number | boolean;
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

/**
 * A cell's content as stored (the sheet reader's output): text, number or boolean, whether it is a
 * formula's cached result, or an error value (`#N/A`). A date is its serial number: styles are not read.
 */
export interface Unwrapped { plain: Plain | null; formula: boolean; error?: string }

/** The value kept for the error report: what the user sees in the cell. */
export function rawValue(cell: Unwrapped): CellValue {
  return cell.error ?? cell.plain;
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
    return { problem: MESSAGES.boolean };
  },
  date: (plain, _column, { date1904 }) => {
    // A date cell is its serial; 20240105 typed into a date-formatted cell is the serial of a day in year 57288.
    const value = typeof plain === 'number' ? compactNumberDate(plain) ?? serialToIsoDate(plain, date1904)
      : typeof plain === 'string' ? textToIsoDate(plain.normalize('NFKC')) : undefined;
    return value ? { value } : { problem: MESSAGES.date };
  },
  integer: (plain) => {
    if (typeof plain === 'number') return wholeNumber(plain);
    const s = typeof plain === 'string' ? plain.normalize('NFKC').replace(/\.0+$/, '') : '';
    return /^[+-]?\d{1,15}$/.test(s) ? { value: Number(s) } : { problem: MESSAGES.integer };
  },
  number: (plain) => {
    if (typeof plain === 'number') return { value: plain };
    const s = typeof plain === 'string' ? plain.normalize('NFKC').replace(/,/g, '') : '';
    return s !== '' && Number.isFinite(Number(s)) ? { value: Number(s) } : { problem: MESSAGES.number };
  },
  dictionary: (plain) => ({ value: String(plain) }),
  ref: (plain) => ({ value: String(plain) }),
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
