/**
 * 居民身份证 (GB 11643-1999) and 港澳台居民居住证 (since 2018-09-01), dictionaries.md §12.1–12.2.
 */
import { validateGb18, PROVINCE_CODES } from './gb18.js';
import { contextNationality, fail, type IdCheckError, type IdValidator } from './types.js';

const RESIDENT_LABEL = '居民身份证号码';

function residentRegion(n: string): IdCheckError | undefined {
  const province = n.slice(0, 2);
  if (PROVINCE_CODES.has(province)) return undefined;
  if (province === '81' || province === '82' || province === '83') {
    return fail(
      'wrongDocumentType',
      '该号码以81、82或83开头，属于港澳台居民居住证，请将证件类型改为“港澳台居民居住证”后再录入',
    );
  }
  if (province.startsWith('9')) {
    return fail(
      'wrongDocumentType',
      '该号码以9开头，属于外国人永久居留身份证，请将证件类型改为“外国人永久居留身份证”后再录入',
    );
  }
  return fail('region', '身份证号码前两位不是有效的省级行政区代码（如北京为11、广东为44），请核对前6位地址码');
}

/** 居民身份证: 18 characters; the legacy 15-digit card is refused with its own message. */
export const residentId: IdValidator = (n, context) => {
  if (/^\d{15}$/.test(n)) {
    return fail(
      'legacy15',
      '这是15位的第一代身份证号码，已停止使用，请录入现行的18位身份证号码（见本人第二代身份证正面下方）',
    );
  }
  return validateGb18(n, context, { label: RESIDENT_LABEL, region: residentRegion });
};

/** Prefix → the nationality/region (GB/T 2659 alpha-3) and its Chinese name. */
const HMT_PREFIXES: ReadonlyMap<string, { nationality: string; name: string }> = new Map([
  ['810000', { nationality: 'HKG', name: '香港' }],
  ['820000', { nationality: 'MAC', name: '澳门' }],
  ['830000', { nationality: 'TWN', name: '台湾' }],
]);

const HMT_LABEL = '港澳台居民居住证号码';

function hmtRegion(n: string): IdCheckError | undefined {
  if (HMT_PREFIXES.has(n.slice(0, 6))) return undefined;
  return fail(
    'region',
    '港澳台居民居住证号码应以810000（香港）、820000（澳门）或830000（台湾）开头，请核对前6位',
  );
}

/** 港澳台居民居住证: GB 11643 structure with prefix 810000/820000/830000. */
export const hkMacauTaiwanResidence: IdValidator = (n, context) => {
  const result = validateGb18(n, context, { label: HMT_LABEL, region: hmtRegion });
  if (!result.ok) return result;
  const owner = HMT_PREFIXES.get(n.slice(0, 6));
  const nationality = contextNationality(context);
  const selectsHmt = ['HKG', 'MAC', 'TWN'].includes(nationality);
  if (owner && selectsHmt && owner.nationality !== nationality) {
    return fail(
      'nationalityMismatch',
      `该居住证号码属于${owner.name}居民，与所选国籍/地区不一致，请核对号码或国籍/地区`,
    );
  }
  return result;
};
