import { FeelFunction } from 'feelin';

/**
 * Date helpers rule sets may call. Dates are ISO strings (`YYYY-MM-DD`): they compare correctly as
 * text, and these helpers do calendar arithmetic in plain JavaScript (FEEL's own date() goes
 * through the Temporal polyfill and costs ~20 µs per call). Month arithmetic clamps to the end of
 * the month like FEEL's `date + duration("P1M")`: 2024-01-31 + 1 month = 2024-02-29.
 */
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const DIGIT = (code: number) => code >= 48 && code <= 57;

/** The number written by the digits of `text` from `start` to `end` (exclusive), or -1 when one is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (!DIGIT(code)) return -1;
    value = value * 10 + code - 48;
  }
  return value;
}

/** `YYYY-MM-DD` as [year, month, day], read without a RegExp, a Date or substrings (this runs per rule per row). */
function parts(iso: unknown): [number, number, number] | undefined {
  if (typeof iso !== 'string' || iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 7);
  const day = digitsAt(iso, 8, 10);
  if (year < 0) return undefined;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? [year, month, day] : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's algorithm). */
function toDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function fromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return `${yoe + era * 400 + (month <= 2 ? 1 : 0)}-${pad(month)}-${pad(day)}`;
}

const daysOf = (iso: unknown): number | undefined => {
  const p = parts(iso);
  return p ? toDays(p[0], p[1], p[2]) : undefined;
};

export function addDays(iso: unknown, days: unknown): string | null {
  const from = daysOf(iso);
  if (from === undefined || typeof days !== 'number' || !Number.isInteger(days)) return null;
  return fromDays(from + days);
}

export function addMonths(iso: unknown, months: unknown): string | null {
  const p = parts(iso);
  if (!p || typeof months !== 'number' || !Number.isInteger(months)) return null;
  const total = p[1] - 1 + months;
  const year = p[0] + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const lastDay = daysInMonth(year, month + 1);
  return `${year}-${pad(month + 1)}-${pad(Math.min(p[2], lastDay))}`;
}

export function daysBetween(from: unknown, to: unknown): number | null {
  const [a, b] = [daysOf(from), daysOf(to)];
  return a === undefined || b === undefined ? null : b - a;
}

/** Whole months and remaining days from `from` to `to` (`to` later), e.g. `2 个月 5 天`. */
export function monthsAndDays(from: unknown, to: unknown): string | null {
  if (!parts(from) || !parts(to)) return null;
  const [start, end] = (from as string) <= (to as string) ? [from as string, to as string] : [to as string, from as string];
  let months = 0;
  while ((addMonths(start, months + 1) as string) <= end) months += 1;
  const days = daysBetween(addMonths(start, months), end) as number;
  return [months ? `${months} 个月` : '', days || !months ? `${days} 天` : ''].filter(Boolean).join(' ');
}

/** The latest (`sign` 1) or earliest (-1) of a list of dates, nulls and non-dates ignored; null for none. */
function extreme(list: unknown, sign: 1 | -1): string | null {
  let found: string | null = null;
  for (const value of Array.isArray(list) ? list : []) {
    if (parts(value) && (found === null || (sign > 0 ? value > found : value < found))) found = value as string;
  }
  return found;
}

/** The latest of a list of dates (nulls and non-dates ignored); null for none. */
export const latest = (list: unknown): string | null => extreme(list, 1);

/** The earliest of a list of dates (nulls and non-dates ignored); null for none. */
export const earliest = (list: unknown): string | null => extreme(list, -1);

/** The helpers as plain functions (what translated expressions call). */
export const plainHelpers: Readonly<Record<string, (...args: unknown[]) => unknown>> = {
  addDays, addMonths, daysBetween, monthsAndDays, latest, earliest,
};

/** The helpers as FEEL functions (explicit parameter names: minified bundles lose the JS ones). */
export const feelHelpers: Record<string, FeelFunction> = {
  addDays: new FeelFunction(addDays, ['date', 'days']),
  addMonths: new FeelFunction(addMonths, ['date', 'months']),
  daysBetween: new FeelFunction(daysBetween, ['from', 'to']),
  monthsAndDays: new FeelFunction(monthsAndDays, ['from', 'to']),
  latest: new FeelFunction(latest, ['dates']),
  earliest: new FeelFunction(earliest, ['dates']),
};
