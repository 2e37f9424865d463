/**
 * Check-character algorithms. All arithmetic is done per single character (charCodeAt),
 * so long ID numbers never lose precision.
 */
import { normalizeIdNumber } from './normalize.js';

const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const GB11643_CHARS = '10X98765432';

/**
 * GB 11643-1999 check character for the first 17 digits:
 * S = Σ digit_i × w_i, r = S mod 11, check = "10X98765432"[r].
 * @throws RangeError when the argument is not exactly 17 ASCII digits (programming error).
 */
export function gb11643CheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('gb11643CheckChar expects exactly 17 ASCII digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (first17.charCodeAt(i) - 48) * (GB11643_WEIGHTS[i] ?? 0);
  }
  return GB11643_CHARS.charAt(sum % 11);
}

/** ICAO 9303 character value: 0–9 → 0–9, A–Z → 10–35, '<' → 0. */
function icaoValue(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return 0;
}

/** ICAO 9303 7-3-1 weighted check digit (mod 10) over `data`, as a single-digit string. */
export function icaoCheckDigit(data: string): string {
  const weights = [7, 3, 1] as const;
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    sum += icaoValue(data.charAt(i)) * (weights[i % 3] ?? 0);
  }
  return String(sum % 10);
}

// GB 32100-2015: 31 characters (no I, O, S, V, Z).
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * GB 32100-2015 check character for the first 17 characters of a 统一社会信用代码:
 * check = 31 − (Σ value_i × w_i mod 31), with 31 → 0. Returns undefined for a bad input.
 */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** True when `code` (normalised first: trim, half-width, upper-case) is a valid 统一社会信用代码. */
export function isValidUscc(code: string): boolean {
  const normalized = normalizeIdNumber(code);
  if (normalized.length !== 18) return false;
  const expected = usccCheckChar(normalized.slice(0, 17));
  return expected !== undefined && expected === normalized.charAt(17);
}
