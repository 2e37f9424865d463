import type { Format } from 'ajv/dist/2020.js';
import { isValidUscc } from './idDocuments/index.js';

/** Domain formats: the value check and the Chinese message a user sees when it fails. */
export interface DomainFormat {
  validate: Format;
  message: (title: string) => string;
}

export const domainFormats: Record<string, DomainFormat> = {
  mobile: {
    validate: /^1[3-9]\d{9}$/,
    message: (title) => `「${title}」应为 11 位中国大陆手机号码（以 1 开头），请核对。`,
  },
  uscc: {
    validate: (value: string) => isValidUscc(value),
    message: (title) => `「${title}」不是有效的统一社会信用代码：应为 18 位数字或大写字母，最后一位是校验码，请对照营业执照或登记证书核对。`,
  },
};

/** Messages for the standard formats we enable from ajv-formats. */
export const standardFormatMessages: Record<string, (title: string) => string> = {
  date: (title) => `「${title}」应为有效日期，格式为 YYYY-MM-DD（例如 2024-01-31）。`,
  'date-time': (title) => `「${title}」应为有效的日期时间。`,
  email: (title) => `「${title}」应为有效的电子邮箱地址，例如 name@example.com。`,
  uri: (title) => `「${title}」应为有效的网址，例如 https://www.example.com。`,
};
