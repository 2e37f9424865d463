import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, earliest, latest, monthsAndDays } from './helpers.js';

/** Every day from 1899 to 2101 through JavaScript's own Date, the reference for the calendar arithmetic. */
const viaDate = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('date helpers', () => {
  it('agree with Date on every day of two centuries, forwards and backwards', () => {
    for (let day = Date.UTC(1899, 0, 1); day <= Date.UTC(2101, 0, 1); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      expect(addDays(iso, 1)).toBe(viaDate(iso, 1));
      expect(addDays(iso, -400)).toBe(viaDate(iso, -400));
    }
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });

  it('clamps months to the end of the month, like FEEL', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-02-28', 12)).toBe('2024-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2023-12-15', 1)).toBe('2024-01-15');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15');
  });

  it('says how long in months and days', () => {
    expect(monthsAndDays('2023-01-01', '2024-01-01')).toBe('12 个月');
    expect(monthsAndDays('2023-06-15', '2023-09-06')).toBe('2 个月 22 天');
    expect(monthsAndDays('2024-01-01', '2024-01-01')).toBe('0 天');
  });

  it('treats anything but a real calendar date as no date', () => {
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-1-01', '２０２４-01-01', '2024-0a-01', '20x4-01-01', '2024-01-3x', '2024-01-0/', null, 20240101]) {
      expect(addDays(bad, 1), String(bad)).toBeNull();
    }
    expect(addDays('2024-01-01', 1.5)).toBeNull();
    expect(latest(['2023-06-15', null, '2024-01-31', 'x', '2023-12-31'])).toBe('2024-01-31');
    expect(earliest(['2023-06-15', null, '2022-12-01'])).toBe('2022-12-01');
    expect(latest([])).toBeNull();
  });
});
