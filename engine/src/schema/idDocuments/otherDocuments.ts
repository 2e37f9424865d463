/**
 * Passports (dictionaries.md §12.6) and free-text numbers (军官证, 其他法定有效证件, ...).
 */
import { charCount, contextNationality, fail, type IdValidator } from './types.js';

interface NationalFormat {
  pattern: RegExp;
  hint: string;
}

/** Passport formats for nationalities whose numbering is known; others get the ICAO check only. */
const NATIONAL_PASSPORTS: ReadonlyMap<string, NationalFormat> = new Map([
  ['CHN', {
    // Ordinary e-passport E+8 digits / E+letter+7 digits; old booklets G+8 digits or 14/15+7 digits;
    // 外交 DE, 公务 SE, 因公普通 PE + 7 digits.
    pattern: /^(E\d{8}|E[A-Z]\d{7}|G\d{8}|1[45]\d{7}|[DSP]E\d{7})$/,
    hint: '中国护照号码一般为E加8位数字或E加1位字母和7位数字（旧版为G加8位数字），外交/公务/因公普通护照为DE/SE/PE加7位数字',
  }],
  ['HKG', { pattern: /^[KH]\d{8}$/, hint: '香港特区护照号码一般为K（或H）加8位数字' }],
  ['MAC', { pattern: /^MA\d{7}$/, hint: '澳门特区护照号码一般为MA加7位数字' }],
]);

/** Passport: 5–17 letters/digits (ICAO; no national check digit); national formats when known. */
export const passport: IdValidator = (n, context) => {
  if (!/^[A-Z0-9]*$/.test(n)) {
    return fail('format', '护照号码只能包含英文字母和数字，请删除横线、括号等其他字符');
  }
  if (n.length < 5 || n.length > 17) {
    return fail('length', `护照号码应为5–17位字母或数字，当前为${n.length}位，请核对`);
  }
  const national = NATIONAL_PASSPORTS.get(contextNationality(context));
  if (national && !national.pattern.test(n)) {
    return fail('nationalityMismatch', `${national.hint}；当前号码不符合该格式，请核对号码或国籍/地区`);
  }
  return { ok: true };
};

// Any Unicode "Other" category: control, format (zero-width), surrogate, private-use, unassigned.
const NON_PRINTABLE = /\p{C}/u;

/** Free text: 1–50 printable characters. */
export const freeText: IdValidator = (n) => {
  const count = charCount(n);
  if (count < 1 || count > 50) {
    return fail('length', `证件号码应为1–50个字符，当前为${count}个，请核对`);
  }
  if (NON_PRINTABLE.test(n)) {
    return fail('format', '证件号码中含有不可见的控制字符（多由复制粘贴带入），请删除后重新录入');
  }
  return { ok: true };
};
