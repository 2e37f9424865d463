import { describe, it, expect } from 'vitest';
import {
  gb11643CheckChar,
  idValidators,
  isValidUscc,
  normalizeIdNumber,
  usccCheckChar,
  validateIdNumber,
} from './index.js';

const TODAY = { today: '2025-06-01' };

/** Builds an 18-digit number with a correct check character from its first 17 digits. */
const withCheck = (first17: string): string => first17 + gb11643CheckChar(first17);

describe('gb11643CheckChar', () => {
  it('given the reference vectors, when computing, then it returns their check characters', () => {
    expect(gb11643CheckChar('11010519491231002')).toBe('X');
    expect(gb11643CheckChar('32108319781216211')).toBe('9');
    // 1880 vector: the check algorithm accepts it even though residentId refuses the date.
    expect(gb11643CheckChar('44052418800101001')).toBe('4');
  });

  it('given a non-17-digit argument, when computing, then it throws', () => {
    expect(() => gb11643CheckChar('1234')).toThrow(RangeError);
  });
});

describe('normalizeIdNumber', () => {
  it('given spaces, full-width characters and a lowercase x, when normalising, then half-width upper-case', () => {
    expect(normalizeIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('\u3000h1234\u200b5678')).toBe('H12345678');
  });
});

describe('residentId', () => {
  it('given the standard vector, when validating, then ok with birth date and female sex', () => {
    expect(validateIdNumber('residentId', '11010519491231002X', TODAY)).toEqual({
      ok: true, birthDate: '1949-12-31', sex: '2',
    });
  });

  it('given 321083197812162119, when validating, then ok and male', () => {
    expect(validateIdNumber('residentId', '321083197812162119', TODAY)).toEqual({
      ok: true, birthDate: '1978-12-16', sex: '1',
    });
  });

  it('given a lowercase x or full-width input, when validating, then it is normalised and accepted', () => {
    expect(validateIdNumber('residentId', '11010519491231002x', TODAY).ok).toBe(true);
    expect(validateIdNumber('residentId', '１１０１０５１９４９１２３１００２Ｘ', TODAY).ok).toBe(true);
  });

  it('given the 1880 vector, when validating, then refused as born before 1900', () => {
    expect(validateIdNumber('residentId', '440524188001010014', TODAY)).toMatchObject({ ok: false, code: 'birthDate' });
  });

  it('given a wrong check digit, when validating, then checkDigit', () => {
    const result = validateIdNumber('residentId', '110105194912310021', TODAY);
    expect(result).toMatchObject({ ok: false, code: 'checkDigit' });
    if (!result.ok) expect(result.message).toContain('校验位');
  });

  it('given a 15-digit legacy number, when validating, then legacy15 asking for 18 digits', () => {
    const result = validateIdNumber('residentId', '110105491231002', TODAY);
    expect(result).toMatchObject({ ok: false, code: 'legacy15' });
    if (!result.ok) expect(result.message).toContain('18位');
  });

  it('given an impossible date 19990230, when validating, then birthDate', () => {
    const id = withCheck('11010519990230001');
    expect(validateIdNumber('residentId', id, TODAY)).toMatchObject({ ok: false, code: 'birthDate' });
  });

  it('given a birth date after today, when validating, then birthDate', () => {
    const id = withCheck('11010520250602001');
    expect(validateIdNumber('residentId', id, TODAY)).toMatchObject({ ok: false, code: 'birthDate' });
    expect(validateIdNumber('residentId', id, { today: '2025-06-02' }).ok).toBe(true);
  });

  it('given an invalid province code, when validating, then region', () => {
    expect(validateIdNumber('residentId', withCheck('10010519491231002'), TODAY))
      .toMatchObject({ ok: false, code: 'region' });
    expect(validateIdNumber('residentId', withCheck('71010519491231002'), TODAY))
      .toMatchObject({ ok: false, code: 'region' });
  });

  it('given an HMT residence or foreign card number, when validated as residentId, then wrongDocumentType', () => {
    expect(validateIdNumber('residentId', withCheck('81000019800101001'), TODAY))
      .toMatchObject({ ok: false, code: 'wrongDocumentType' });
    expect(validateIdNumber('residentId', '932682198501010017', TODAY))
      .toMatchObject({ ok: false, code: 'wrongDocumentType' });
  });

  it('given wrong length or letters inside, when validating, then length / format', () => {
    expect(validateIdNumber('residentId', '1101051949123100', TODAY)).toMatchObject({ code: 'length' });
    expect(validateIdNumber('residentId', '1101051949123X002X', TODAY)).toMatchObject({ code: 'format' });
  });

  it('given a malformed context.today, when validating, then it throws (programming error)', () => {
    expect(() => validateIdNumber('residentId', '11010519491231002X', { today: '2025/06/01' })).toThrow(RangeError);
  });
});

describe('hkMacauTaiwanResidence', () => {
  const hk = withCheck('81000019800101001');

  it('given a valid 810000 number, when validating, then ok with birth date and sex', () => {
    expect(validateIdNumber('hkMacauTaiwanResidence', hk, TODAY)).toEqual({ ok: true, birthDate: '1980-01-01', sex: '1' });
    expect(validateIdNumber('hkMacauTaiwanResidence', withCheck('83000020000229002'), TODAY).ok).toBe(true);
  });

  it('given a wrong prefix, check char or nationality, when validating, then refused', () => {
    expect(validateIdNumber('hkMacauTaiwanResidence', '11010519491231002X', TODAY)).toMatchObject({ code: 'region' });
    expect(validateIdNumber('hkMacauTaiwanResidence', hk.slice(0, 17) + (hk.endsWith('0') ? '1' : '0'), TODAY))
      .toMatchObject({ code: 'checkDigit' });
    expect(validateIdNumber('hkMacauTaiwanResidence', hk, { ...TODAY, nationality: 'MAC' }))
      .toMatchObject({ code: 'nationalityMismatch' });
  });
});

describe('USCC (GB 32100-2015)', () => {
  it('given the known example 91350100M000100Y43, when checking, then valid', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc(' 91350100m000100y43 ')).toBe(true);
  });

  it('given a computed code, when checking, then valid; altered, then invalid', () => {
    const code = `9111010${'1234567AB'}`.padEnd(17, '0');
    const full = code + (usccCheckChar(code) ?? '');
    expect(isValidUscc(full)).toBe(true);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100I43')).toBe(false); // I is not in the charset
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
  });
});

describe('registry and guards', () => {
  it('given the registry, when listing keys, then exactly the documented validator keys', () => {
    expect(Object.keys(idValidators).sort()).toEqual([
      'foreignPermanentResidence', 'freeText', 'hkMacauPermit', 'hkMacauTaiwanResidence',
      'passport', 'residentId', 'taiwanPermit',
    ]);
  });

  it('given an unknown key, empty input or a JS number, when validating, then a stable code', () => {
    expect(validateIdNumber('toString', 'x')).toMatchObject({ code: 'unknownValidator' });
    expect(validateIdNumber('residentId', '  \u3000 ')).toMatchObject({ code: 'empty' });
    expect(validateIdNumber('passport', 12345678 as unknown as string)).toMatchObject({ code: 'notString' });
  });
});
