import { describe, expect, it } from 'vitest';
import { shiftDate, shiftDates } from './shiftDates';

describe('shiftDates', () => {
  it('given a copied year\'s test cases, then every ISO date inside moves by one year and nothing else changes', () => {
    const cases = [{ name: '两段 2023-01-01', input: { record: { startDate: '2023-06-16', endDate: '2024-01-31', months: 12 },
      others: [{ startDate: '2023-01-01' }] }, expect: ['segmentsContiguous'] }];
    expect(shiftDates(cases, 1)).toEqual([{ name: '两段 2023-01-01', input: { record: { startDate: '2024-06-16', endDate: '2025-01-31', months: 12 },
      others: [{ startDate: '2024-01-01' }] }, expect: ['segmentsContiguous'] }]);
  });

  it('given 29 February, then a year without it gets the last day of February', () => {
    expect(shiftDate('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftDate('2023-02-28', 1)).toBe('2024-02-28');
    expect(shiftDate('2025-02-28', -1)).toBe('2024-02-28');
  });
});
