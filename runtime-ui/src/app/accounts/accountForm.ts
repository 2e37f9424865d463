import type { Account, AccountCreate, AccountUpdate, ApiErrorItem, PasswordReset } from '../../api';
import { fieldErrors, type FieldErrors } from '../common';

/** The 添加用户 / 修改用户 form (guide §7.2). */
export interface AccountFormValues {
  roleId?: string;
  username?: string;
  nickname?: string;
  mobile?: string;
  password?: string;
  confirmPassword?: string;
  subsystems?: string[];
}

export type AccountField = keyof AccountFormValues;

export const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{7,31}$/;
export const USERNAME_MESSAGE = '账号必须以字母开头，由 8～32 位字母、数字或下划线组成（通常为拼音缩写，例如 xxyyypglb）';

const text = (value: string | undefined) => value?.trim() ?? '';

export function fromAccount(account: Account): AccountFormValues {
  return { roleId: account.roles[0]?.id, username: account.username, nickname: account.nickname,
    mobile: account.mobile ?? '', subsystems: account.subsystems };
}

/** `POST /api/accounts`: no password → the default one; a typed password goes with its confirmation. */
export function toCreateInput(values: AccountFormValues): AccountCreate {
  const mobile = text(values.mobile);
  return {
    roleId: values.roleId ?? '',
    username: text(values.username),
    nickname: text(values.nickname),
    ...(mobile ? { mobile } : {}),
    ...(values.password ? { password: values.password, confirmPassword: values.confirmPassword ?? '' } : {}),
    ...(values.subsystems ? { subsystems: values.subsystems } : {}),
  };
}

/** `PUT /api/accounts/:id` from 修改用户: role, mobile (empty → none), subsystems; never username or nickname. */
export function toUpdateInput(values: AccountFormValues): AccountUpdate {
  const mobile = text(values.mobile);
  return { ...(values.roleId ? { roleId: values.roleId } : {}), mobile: mobile || null,
    ...(values.subsystems ? { subsystems: values.subsystems } : {}) };
}

/** `POST /api/accounts/:id/reset-password`: both empty → `{}` (the default password). */
export function toPasswordReset(values: { password?: string; confirmPassword?: string }): PasswordReset {
  if (!values.password && !values.confirmPassword) return {};
  return { password: values.password ?? '', confirmPassword: values.confirmPassword ?? '' };
}

/** Server error paths → form fields (the engine reports a chosen password at `/password`). */
const PATHS: Readonly<Record<string, AccountField>> = {
  '/roleId': 'roleId', '/username': 'username', '/nickname': 'nickname', '/mobile': 'mobile',
  '/password': 'password', '/confirmPassword': 'confirmPassword', '/subsystems': 'subsystems',
};

export function accountFieldErrors(errors: readonly ApiErrorItem[]): FieldErrors<AccountField> {
  return fieldErrors(errors, PATHS);
}
