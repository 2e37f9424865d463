/** Domain formats the engine declares (`format: "mobile"`, `"uscc"`), checked the same way in the browser. */

/** The server normalises before it checks (trim, full-width → half-width), so the browser does too. */
const lenient = (value: string): string => value.normalize('NFKC').trim();

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Unified social credit code (GB 32100-2015): 18 characters, the last a mod-31 check character. */
export function isValidUscc(raw: string): boolean {
  const value = lenient(raw).toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return false;
  const sum = USCC_WEIGHTS.reduce((acc, weight, i) => acc + USCC_CHARS.indexOf(value[i]!) * weight, 0);
  const check = (31 - (sum % 31)) % 31;
  return value[17] === USCC_CHARS[check];
}

export const customFormats: Record<string, RegExp | ((value: string) => boolean)> = {
  mobile: (value: string) => /^1[3-9]\d{9}$/.test(lenient(value)),
  uscc: isValidUscc,
};

/** What a user reads when a format check fails, by format name. */
export const formatMessages: Record<string, (title: string) => string> = {
  mobile: (title) => `「${title}」应为 11 位中国大陆手机号码（以 1 开头），请核对。`,
  uscc: (title) => `「${title}」不是有效的统一社会信用代码：应为 18 位数字或大写字母，最后一位是校验码，请对照营业执照或登记证书核对。`,
  date: (title) => `「${title}」应为有效日期，格式为 YYYY-MM-DD（例如 2024-01-31）。`,
  'date-time': (title) => `「${title}」应为有效的日期时间。`,
  email: (title) => `「${title}」应为有效的电子邮箱地址，例如 name@example.com。`,
  uri: (title) => `「${title}」应为有效的网址，例如 https://www.example.com。`,
};
