/**
 * Birth-date helpers. Dates are handled as compact `YYYYMMDD` strings, which compare
 * correctly with plain string comparison.
 */
import { fail, type IdCheckError } from './types.js';

/** Value of a short run of ASCII digits, built one character at a time. */
export function digitsValue(s: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) value = value * 10 + (s.charCodeAt(i) - 48);
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when `compact` is 8 digits forming a real calendar date. */
export function isRealDate(compact: string): boolean {
  if (!/^\d{8}$/.test(compact)) return false;
  const year = digitsValue(compact, 0, 4);
  const month = digitsValue(compact, 4, 2);
  const day = digitsValue(compact, 6, 2);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The reference day as compact YYYYMMDD: `today` (YYYY-MM-DD) if given, else the local date.
 * @throws RangeError for a malformed `today` (programming error, not user input).
 */
export function resolveToday(today?: string): string {
  if (today === undefined) {
    const now = new Date();
    return `${now.getFullYear()}${pad2(now.getMonth() + 1)}${pad2(now.getDate())}`;
  }
  const compact = today.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1$2$3');
  if (compact === today || !isRealDate(compact)) {
    throw new RangeError('context.today must be a real date in YYYY-MM-DD form');
  }
  return compact;
}

/**
 * Century for a 2-digit-year date (old 15-character foreign permanent residence card):
 * 20YY if that date is not after `today`, otherwise 19YY. Returns compact YYYYMMDD.
 * Ambiguity: a holder born in 19YY with YY ≤ today's YY is read as 20YY; the card gives no
 * other hint, so callers may cross-check with a separately entered birth date.
 */
export function inferCentury(yymmdd: string, todayCompact: string): string {
  const candidate = `20${yymmdd}`;
  return candidate <= todayCompact ? candidate : `19${yymmdd}`;
}

export type BirthDateCheck = { ok: true; birthDate: string } | IdCheckError;

/**
 * A birth date must be a real date, not before 1900-01-01 and not after today.
 * `label` names the document, `position` says where the date sits in the number.
 */
export function checkBirthDate(
  compact: string,
  todayCompact: string,
  label: string,
  position: string,
): BirthDateCheck {
  const where = `${label}中的出生日期（${position}）`;
  if (!isRealDate(compact)) return fail('birthDate', `${where}不是真实存在的日期，请逐位核对号码`);
  if (compact < '19000101') return fail('birthDate', `${where}早于1900年，请逐位核对号码`);
  if (compact > todayCompact) return fail('birthDate', `${where}晚于今天，请逐位核对号码`);
  const birthDate = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
  return { ok: true, birthDate };
}
