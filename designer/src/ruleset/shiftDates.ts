const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2024-02-29` + 1 year → `2025-02-28` (the last day of the month when the day does not exist). */
export function shiftDate(iso: string, years: number): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const year = Number(match[1]) + years;
  const month = Number(match[2]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${year}-${match[2]}-${String(day).padStart(2, '0')}`;
}

/** Every ISO date string inside `value` (objects, arrays) moved by `years`; other values unchanged. */
export function shiftDates<T>(value: T, years: number): T {
  if (typeof value === 'string') return shiftDate(value, years) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => shiftDates(item, years)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, years)])) as T;
  }
  return value;
}
