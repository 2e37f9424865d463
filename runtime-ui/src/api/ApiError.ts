import type { ApiErrorItem } from './types';

const statusMessages: Record<number, string> = {
  0: '无法连接服务器，请检查网络后重试。',
  400: '请求格式不正确，请刷新页面后重试。',
  401: '您尚未登录或登录已超时，请重新登录。',
  403: '您没有权限进行此操作。',
  404: '要访问的内容不存在或已被删除。',
  409: '数据已被修改或存在冲突，请刷新后重试。',
  413: '提交的内容过大。',
  422: '填写的内容有误，请检查后重新提交。',
  423: '账号已被锁定，请稍后再试。',
  429: '操作过于频繁，请稍后再试。',
};

/** The fallback Chinese message for a status with no usable error body. */
export function messageForStatus(status: number): string {
  return statusMessages[status] ?? (status >= 500 ? '服务器出现错误，请稍后重试或联系管理员。' : '请求失败，请稍后重试。');
}

/** A failed API call: the HTTP status and the engine's error items (never empty). */
export class ApiError extends Error {
  readonly status: number;
  readonly errors: ApiErrorItem[];

  constructor(status: number, errors: ApiErrorItem[]) {
    const items = errors.length > 0 ? errors : [{ code: `HTTP_${status}`, message: messageForStatus(status) }];
    super(items.map((e) => e.message).join('\n'));
    this.name = 'ApiError';
    this.status = status;
    this.errors = items;
  }

  /** The first error's code, e.g. `STALE_VERSION`, `PASSWORD_CHANGE_REQUIRED`. */
  get code(): string {
    return this.errors[0]?.code ?? `HTTP_${this.status}`;
  }

  hasCode(code: string): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

function isErrorItem(value: unknown): value is ApiErrorItem {
  const item = value as ApiErrorItem | null;
  return typeof item === 'object' && item !== null && typeof item.message === 'string';
}

/** Builds an ApiError from a status and whatever body came back (JSON error body or anything else). */
export function toApiError(status: number, body: unknown): ApiError {
  const errors = (body as { errors?: unknown } | null)?.errors;
  const items = Array.isArray(errors) ? errors.filter(isErrorItem) : [];
  return new ApiError(status, items.map((e) => ({ ...e, code: String(e.code ?? `HTTP_${status}`) })));
}

/** Any thrown value as a Chinese message for the user. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后重试。';
}
