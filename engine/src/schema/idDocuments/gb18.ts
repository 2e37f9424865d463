/**
 * The 18-character GB 11643 structure shared by the 居民身份证, the 港澳台居民居住证 and the
 * 2023 外国人永久居留身份证: 17 digits + check character (digit or X), birth date in
 * positions 7–14, sex from the parity of position 17.
 */
import { checkBirthDate, resolveToday } from './birthDate.js';
import { gb11643CheckChar } from './checksums.js';
import { charCount, fail, type IdCheckContext, type IdCheckError, type IdCheckResult, type IdSex } from './types.js';

/** Mainland province-level codes (GB/T 2260 first two digits) used on mainland-issued numbers. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
]);

/** GB/T 2261.1: odd digit → '1' (male), even → '2' (female). */
export function sexFromDigit(ch: string): IdSex {
  return (ch.charCodeAt(0) - 48) % 2 === 1 ? '1' : '2';
}

const GB18_PATTERN = /^\d{17}[\dX]$/;

export interface Gb18Spec {
  /** Document name used in messages, e.g. "居民身份证号码". */
  label: string;
  /** Region/prefix rule; returns an error or undefined. Runs after the format check. */
  region: (normalized: string) => IdCheckError | undefined;
}

/** Checks length, format, region, birth date and check character, in that order. */
export function validateGb18(n: string, context: IdCheckContext, spec: Gb18Spec): IdCheckResult {
  if (n.length !== 18) {
    return fail('length', `${spec.label}应为18位，当前为${charCount(n)}位，请核对是否漏录或多录`);
  }
  if (!GB18_PATTERN.test(n)) {
    return fail('format', `${spec.label}前17位须为数字，最后一位为数字或X，请删除其他字符后重新录入`);
  }
  const regionError = spec.region(n);
  if (regionError) return regionError;
  const birth = checkBirthDate(n.slice(6, 14), resolveToday(context.today), spec.label, '第7–14位');
  if (!birth.ok) return birth;
  if (gb11643CheckChar(n.slice(0, 17)) !== n.charAt(17)) {
    return fail(
      'checkDigit',
      `${spec.label}校验位不正确，请逐位核对号码，尤其是最后一位（X 须大写，录入时小写 x 会自动转换）`,
    );
  }
  return { ok: true, birthDate: birth.birthDate, sex: sexFromDigit(n.charAt(16)) };
}
