/**
 * 外国人永久居留身份证, dictionaries.md §12.5:
 * - 2023 version: 18 digits = 9 + 2-digit province + 3-digit ISO numeric nationality
 *   + YYYYMMDD + 3-digit sequence + GB 11643 check character.
 * - 2004/2017 version: 15 chars = ISO alpha-3 + 4-digit 受理地 + YYMMDD + sequence digit
 *   + ICAO 9303 7-3-1 check digit over the first 14 characters.
 */
import { checkBirthDate, inferCentury, resolveToday } from './birthDate.js';
import { icaoCheckDigit } from './checksums.js';
import { numericNationality } from './countryNumeric.js';
import { PROVINCE_CODES, sexFromDigit, validateGb18 } from './gb18.js';
import { charCount, contextNationality, fail, type IdCheckContext, type IdCheckError, type IdCheckResult, type IdValidator } from './types.js';

const LABEL = '外国人永久居留身份证号码';
const MISMATCH_MESSAGE = '外国人永久居留身份证号码中的国籍代码与所选国籍/地区不一致，请核对号码或国籍/地区';

function foreign18Region(n: string): IdCheckError | undefined {
  if (PROVINCE_CODES.has(n.slice(1, 3))) return undefined;
  return fail('region', `${LABEL}第2–3位不是有效的受理地省份代码，请核对号码`);
}

function validateForeign18(n: string, context: IdCheckContext): IdCheckResult {
  if (!n.startsWith('9')) {
    return fail(
      'format',
      '18位的外国人永久居留身份证号码应以数字9开头；如果这是中国居民身份证号码，请将证件类型改为“居民身份证”',
    );
  }
  const result = validateGb18(n, context, { label: LABEL, region: foreign18Region });
  if (!result.ok) return result;
  const expected = numericNationality(contextNationality(context));
  if (expected !== undefined && expected !== n.slice(3, 6)) {
    return fail('nationalityMismatch', MISMATCH_MESSAGE);
  }
  return result;
}

function validateForeign15(n: string, context: IdCheckContext): IdCheckResult {
  if (!/^[A-Z]{3}\d{12}$/.test(n)) {
    return fail('format', '15位的旧版外国人永久居留身份证号码应为3位英文字母（国籍代码）加12位数字，请核对号码');
  }
  if (!PROVINCE_CODES.has(n.slice(3, 5))) {
    return fail('region', `${LABEL}第4–5位不是有效的受理地省份代码，请核对号码`);
  }
  const today = resolveToday(context.today);
  const birth = checkBirthDate(inferCentury(n.slice(7, 13), today), today, LABEL, '第8–13位');
  if (!birth.ok) return birth;
  if (icaoCheckDigit(n.slice(0, 14)) !== n.charAt(14)) {
    return fail('checkDigit', `${LABEL}校验位（最后一位）不正确，请逐位核对号码`);
  }
  const nationality = contextNationality(context);
  if (/^[A-Z]{3}$/.test(nationality) && nationality !== n.slice(0, 3)) {
    return fail('nationalityMismatch', MISMATCH_MESSAGE);
  }
  return { ok: true, birthDate: birth.birthDate, sex: sexFromDigit(n.charAt(13)) };
}

/** Accepts the 2023 18-digit card and the 2004/2017 15-character card. */
export const foreignPermanentResidence: IdValidator = (n, context) => {
  if (n.length === 18) return validateForeign18(n, context);
  if (n.length === 15) return validateForeign15(n, context);
  return fail(
    'length',
    `${LABEL}应为18位（2023年12月起的新版，以9开头）或15位（旧版，3位字母加12位数字），当前为${charCount(n)}位`,
  );
};
