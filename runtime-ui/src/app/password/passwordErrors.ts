import type { ApiErrorItem } from '../../api';

export type PasswordField = 'oldPassword' | 'newPassword' | 'confirmPassword';
const FIELDS: readonly PasswordField[] = ['oldPassword', 'newPassword', 'confirmPassword'];

/** The server's refusals split by the field they concern (from `path`); the rest stay general. */
export function passwordErrorsByField(errors: readonly ApiErrorItem[]): {
  fields: Array<{ name: PasswordField; errors: string[] }>;
  general: string[];
} {
  const byField = new Map<PasswordField, string[]>();
  const general: string[] = [];
  for (const error of errors) {
    const name = FIELDS.find((f) => error.path === `/${f}`);
    if (name) byField.set(name, [...(byField.get(name) ?? []), error.message]);
    else general.push(error.message);
  }
  return { fields: [...byField].map(([name, messages]) => ({ name, errors: messages })), general };
}

/** The policy in words for the help text (the server's check is what counts). */
export const passwordRules: readonly string[] = [
  '长度不少于 8 位；',
  '同时包含大写字母、小写字母、数字和特殊字符（如 ~!@#$^&*）；',
  '不能有 4 位及以上连续的字母或数字（如 1234、abcd、4321）；',
  '不能使用 % 、空格以及中文标点或全角符号（请用英文输入法输入符号）；',
  '不能包含账号名，不能与默认密码或最近 5 次用过的密码相同。',
];
