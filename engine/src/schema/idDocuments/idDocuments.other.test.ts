import { describe, it, expect } from 'vitest';
import { validateIdNumber, type IdCheckContext } from './index.js';

const TODAY = { today: '2025-06-01' };

describe('foreignPermanentResidence', () => {
  it('given the 2023 card 932682198501010017, when validating, then ok with birth date and sex', () => {
    expect(validateIdNumber('foreignPermanentResidence', '932682198501010017', TODAY)).toEqual({
      ok: true, birthDate: '1985-01-01', sex: '1',
    });
    expect(validateIdNumber('foreignPermanentResidence', '932682198501010017', { ...TODAY, nationality: 'SAU' }).ok)
      .toBe(true);
  });

  it('given 911124198108030028 (bad published example), when validating, then checkDigit', () => {
    expect(validateIdNumber('foreignPermanentResidence', '911124198108030028', TODAY))
      .toMatchObject({ ok: false, code: 'checkDigit' });
  });

  it('given a nationality that differs from digits 4-6, when validating, then nationalityMismatch', () => {
    expect(validateIdNumber('foreignPermanentResidence', '932682198501010017', { ...TODAY, nationality: 'USA' }))
      .toMatchObject({ code: 'nationalityMismatch' });
  });

  it('given the 15-char card KAZ110090123105, when validating, then ok (1990, female)', () => {
    expect(validateIdNumber('foreignPermanentResidence', 'kaz110090123105', { ...TODAY, nationality: 'KAZ' }))
      .toEqual({ ok: true, birthDate: '1990-12-31', sex: '2' });
  });

  it('given a 15-char card with a wrong check digit or other nationality, when validating, then refused', () => {
    expect(validateIdNumber('foreignPermanentResidence', 'KAZ110090123104', TODAY)).toMatchObject({ code: 'checkDigit' });
    expect(validateIdNumber('foreignPermanentResidence', 'KAZ110090123105', { ...TODAY, nationality: 'RUS' }))
      .toMatchObject({ code: 'nationalityMismatch' });
  });

  it('given wrong length or a mainland ID, when validating, then length / format', () => {
    expect(validateIdNumber('foreignPermanentResidence', 'KAZ11009012310', TODAY)).toMatchObject({ code: 'length' });
    expect(validateIdNumber('foreignPermanentResidence', '11010519491231002X', TODAY)).toMatchObject({ code: 'format' });
  });
});

describe('hkMacauPermit', () => {
  it('given H/M + 8 or 10 digits, when validating, then ok', () => {
    expect(validateIdNumber('hkMacauPermit', 'H12345678', { nationality: 'HKG' }).ok).toBe(true);
    expect(validateIdNumber('hkMacauPermit', 'm1234567801', { nationality: 'MAC' }).ok).toBe(true);
  });

  it('given a prefix that contradicts the nationality, when validating, then nationalityMismatch', () => {
    expect(validateIdNumber('hkMacauPermit', 'M12345678', { nationality: 'HKG' })).toMatchObject({ code: 'nationalityMismatch' });
    expect(validateIdNumber('hkMacauPermit', 'H12345678', { nationality: 'MAC' })).toMatchObject({ code: 'nationalityMismatch' });
  });

  it('given a bad format or a pre-2013 booklet, when validating, then format / legacyFormat', () => {
    expect(validateIdNumber('hkMacauPermit', 'H123456789')).toMatchObject({ code: 'format' });
    expect(validateIdNumber('hkMacauPermit', 'HA1234567')).toMatchObject({ code: 'legacyFormat' });
  });
});

describe('taiwanPermit', () => {
  it('given the 8-digit card or the old booklet, when validating, then ok', () => {
    expect(validateIdNumber('taiwanPermit', '12345678').ok).toBe(true);
    expect(validateIdNumber('taiwanPermit', '１２３４５６７８９０（Ｂ）').ok).toBe(true);
    expect(validateIdNumber('taiwanPermit', '1234567890').ok).toBe(true);
  });

  it('given 9 digits, when validating, then format', () => {
    expect(validateIdNumber('taiwanPermit', '123456789')).toMatchObject({ code: 'format' });
  });
});

describe('passport and freeText', () => {
  it('given ICAO-shaped numbers, when validating, then ok; CHN numbers must follow Chinese formats', () => {
    expect(validateIdNumber('passport', 'ab1234567', { nationality: 'USA' }).ok).toBe(true);
    expect(validateIdNumber('passport', 'E12345678', { nationality: 'CHN' }).ok).toBe(true);
    expect(validateIdNumber('passport', 'EA1234567', { nationality: 'CHN' }).ok).toBe(true);
    expect(validateIdNumber('passport', 'X1234567', { nationality: 'CHN' })).toMatchObject({ code: 'nationalityMismatch' });
    expect(validateIdNumber('passport', 'A123')).toMatchObject({ code: 'length' });
    expect(validateIdNumber('passport', 'A123-4567')).toMatchObject({ code: 'format' });
  });

  it('given free text, when validating, then 1-50 printable characters', () => {
    expect(validateIdNumber('freeText', '南字第012345号').ok).toBe(true);
    expect(validateIdNumber('freeText', 'A'.repeat(51))).toMatchObject({ code: 'length' });
    expect(validateIdNumber('freeText', 'AB\u0007CD')).toMatchObject({ code: 'format' });
  });
});

describe('messages', () => {
  const cases: Array<[string, string, IdCheckContext]> = [
    ['residentId', '110105194912310021', TODAY],
    ['residentId', '110105491231002', TODAY],
    ['residentId', '440524188001010014', TODAY],
    ['residentId', '100105194912310027', TODAY],
    ['residentId', '810000198001010014', TODAY],
    ['hkMacauTaiwanResidence', '11010519491231002X', TODAY],
    ['foreignPermanentResidence', '911124198108030028', TODAY],
    ['foreignPermanentResidence', 'KAZ110090123104', TODAY],
    ['foreignPermanentResidence', '932682198501010017', { ...TODAY, nationality: 'USA' }],
    ['hkMacauPermit', 'M12345678', { nationality: 'HKG' }],
    ['taiwanPermit', '123456789', {}],
    ['passport', 'X1234567', { nationality: 'CHN' }],
  ];

  it.each(cases)('given %s %s refused, when reading the message, then it is Chinese and omits the number', (key, raw, ctx) => {
    const result = validateIdNumber(key, raw, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/[\u4e00-\u9fff]/);
    expect(result.message).not.toContain(raw);
    expect(result.message).not.toContain(raw.slice(0, 8));
  });
});
