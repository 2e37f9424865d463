const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system; the 1904 system counts from 1904-01-01 (serial 1462 in 1900 terms). */
const EPOCH_1900 = 25_569;
const OFFSET_1904 = 1_462;
/** The last day Excel knows (9999-12-31). */
const MAX_SERIAL = 2_958_465;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A UTC instant standing for a calendar day → 'YYYY-MM-DD'. */
function isoDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function calendarDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = year >= 1900 && year <= 9999 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? isoDate(date) : undefined;
}

/** An Excel day serial → 'YYYY-MM-DD', in the workbook's date system; undefined when out of Excel's range. */
export function serialToIsoDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return undefined;
  const ms = Math.round((serial + (date1904 ? OFFSET_1904 : 0) - EPOCH_1900) * DAY_MS);
  return isoDate(new Date(ms));
}

/** `YYYYMMDD` typed as a number (20240105). */
export function compactNumberDate(value: number): string | undefined {
  if (!Number.isInteger(value) || value < 19_000_101 || value > 99_991_231) return undefined;
  return calendarDate(Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100);
}

const TEXT_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** Dates typed as text: 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105 (a time part is ignored). */
export function textToIsoDate(text: string): string | undefined {
  const match = TEXT_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  return match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}
