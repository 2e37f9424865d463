import { describe, expect, it } from 'vitest';
import { beijingDayBounds, beijingTime } from './beijingTime';

describe('beijingTime', () => {
  it('shows an instant in Beijing time whatever the machine\'s zone', () => {
    expect(beijingTime('2026-11-25T19:56:20.412Z')).toBe('2026-11-26 03:56:20');
    expect(beijingTime('2026-11-25T19:56:20.412Z', false)).toBe('2026-11-26 03:56');
    expect(beijingTime(null)).toBe('');
    expect(beijingTime('not a date')).toBe('');
  });

  it('gives the UTC instants that begin and end a Beijing day', () => {
    expect(beijingDayBounds('2026-01-01')).toEqual({ start: '2025-12-31T16:00:00.000Z', end: '2026-01-01T15:59:59.999Z' });
  });
});
