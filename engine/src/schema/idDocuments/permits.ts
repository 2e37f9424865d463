/**
 * 港澳居民来往内地通行证 and 台湾居民来往大陆通行证, dictionaries.md §12.3–12.4.
 */
import { contextNationality, fail, type IdValidator } from './types.js';

// H/M + 8 digits; the 2 printed issue-count digits may be entered too (11 characters).
const HK_MACAU_PERMIT = /^[HM](\d{8}|\d{10})$/;
// Pre-2013 booklets (H/M + letter + 6–7 digits); every such booklet has expired by now.
const HK_MACAU_LEGACY = /^[HM][A-Z]\d{6,7}$/;

/** 港澳居民来往内地通行证 (回乡证). HKG must start with H, MAC with M. */
export const hkMacauPermit: IdValidator = (n, context) => {
  if (!HK_MACAU_PERMIT.test(n)) {
    if (HK_MACAU_LEGACY.test(n)) {
      return fail(
        'legacyFormat',
        '这是2013年以前的旧版回乡证号码，已不再使用，请录入现行卡式通行证号码（H或M开头加8位数字）',
      );
    }
    return fail(
      'format',
      '港澳居民来往内地通行证号码应为H（香港）或M（澳门）开头加8位数字；证件上另印的2位换证次数可一并录入（共11位）',
    );
  }
  const nationality = contextNationality(context);
  if (nationality === 'HKG' && !n.startsWith('H')) {
    return fail('nationalityMismatch', '国籍/地区为中国香港时，通行证号码应以H开头，请核对号码或国籍/地区');
  }
  if (nationality === 'MAC' && !n.startsWith('M')) {
    return fail('nationalityMismatch', '国籍/地区为中国澳门时，通行证号码应以M开头，请核对号码或国籍/地区');
  }
  return { ok: true };
};

const TAIWAN_CARD = /^\d{8}$/;
// Old booklet: 10 digits, optionally followed by a letter, bracketed or not, e.g. 1234567890(B).
const TAIWAN_BOOKLET = /^\d{10}(\([A-Z]\)|[A-Z])?$/;

/** 台湾居民来往大陆通行证 (台胞证): 8-digit card (2015+) or the old 10-digit booklet. */
export const taiwanPermit: IdValidator = (n) => {
  if (TAIWAN_CARD.test(n) || TAIWAN_BOOKLET.test(n)) return { ok: true };
  return fail(
    'format',
    '台湾居民来往大陆通行证号码应为8位数字（2015年起的卡式证件）；旧版本式证件为10位数字，后面可带括号字母，如(B)',
  );
};
