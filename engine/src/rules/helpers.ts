import { FeelFunction } from 'feelin';

/**
 * Date helpers rule sets may call. Dates are ISO strings (`YYYY-MM-DD`): they compare correctly as
 * text, and these helpers do calendar arithmetic in plain JavaScript (FEEL's own date() goes
 * through the Temporal polyfill and costs ~20 µs per call). Month arithmetic clamps to the end of
 * the month like FEEL's `date + duration("P1M")`: 2024-01-31 + 1 month = 2024-02-29.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');
const DAY = 86_400_000;

function parts(iso: unknown): [number, number, number] | undefined {
  const m = typeof iso === 'string' ? ISO_DATE.exec(iso) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export function addDays(iso: unknown, days: unknown): string | null {
  if (!parts(iso) || typeof days !== 'number' || !Number.isInteger(days)) return null;
  return new Date(utc(iso as string) + days * DAY).toISOString().slice(0, 10);
}

export function addMonths(iso: unknown, months: unknown): string | null {
  const p = parts(iso);
  if (!p || typeof months !== 'number' || !Number.isInteger(months)) return null;
  const total = p[1] - 1 + months;
  const year = p[0] + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${pad(month + 1)}-${pad(Math.min(p[2], lastDay))}`;
}

export function daysBetween(from: unknown, to: unknown): number | null {
  return parts(from) && parts(to) ? Math.round((utc(to as string) - utc(from as string)) / DAY) : null;
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

const isoDates = (list: unknown): string[] =>
  (Array.isArray(list) ? list : []).filter((v): v is string => parts(v) !== undefined).sort();

/** The latest of a list of dates (nulls and non-dates ignored); null for none. */
export function latest(list: unknown): string | null {
  return isoDates(list).at(-1) ?? null;
}

/** The earliest of a list of dates (nulls and non-dates ignored); null for none. */
export function earliest(list: unknown): string | null {
  return isoDates(list)[0] ?? null;
}

/** The helpers as FEEL functions (explicit parameter names: minified bundles lose the JS ones). */
export const feelHelpers: Record<string, FeelFunction> = {
  addDays: new FeelFunction(addDays, ['date', 'days']),
  addMonths: new FeelFunction(addMonths, ['date', 'months']),
  daysBetween: new FeelFunction(daysBetween, ['from', 'to']),
  monthsAndDays: new FeelFunction(monthsAndDays, ['from', 'to']),
  latest: new FeelFunction(latest, ['dates']),
  earliest: new FeelFunction(earliest, ['dates']),
};
