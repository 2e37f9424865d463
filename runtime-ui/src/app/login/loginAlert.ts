import { ApiError, errorMessage } from '../../api';

export interface LoginAlert {
  type: 'error' | 'warning' | 'info';
  title: string;
  /** The server's message as is. */
  description: string;
}

/** A short heading per refusal; the server's own message (tries left, locked until …) stays the text. */
const headings: Record<string, { type: LoginAlert['type']; title: string }> = {
  INVALID_CREDENTIALS: { type: 'error', title: '登录失败' },
  ACCOUNT_LOCKED: { type: 'error', title: '账号已锁定' },
  INTERNET_ACCESS_DISABLED: { type: 'warning', title: '无法通过互联网登录' },
  ACCOUNT_DISABLED: { type: 'error', title: '账号已停用' },
  THROTTLED: { type: 'warning', title: '操作过于频繁' },
  INVALID_TWO_FACTOR_CODE: { type: 'error', title: '验证码错误' },
  TWO_FACTOR_CODE_MISSING: { type: 'warning', title: '请输入验证码' },
  TWO_FACTOR_CHALLENGE_EXPIRED: { type: 'warning', title: '验证已超时' },
};

/** What the login page shows for a failed login. */
export function loginAlert(error: unknown): LoginAlert {
  const heading = error instanceof ApiError ? headings[error.code] : undefined;
  return { type: heading?.type ?? 'error', title: heading?.title ?? '登录失败', description: errorMessage(error) };
}
