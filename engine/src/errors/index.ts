/** One error as the API returns it (API.md). `path` is a JSON pointer into the submitted data. */
export interface ErrorItem {
  code: string;
  message: string;
  path?: string;
  [extra: string]: unknown;
}

/** Base of the typed error hierarchy; one middleware maps it to `{errors:[…]}` with its status. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly items: ErrorItem[],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(items.map((item) => `${item.code}: ${item.message}`).join('; '));
  }
}

const single = (code: string, message: string, path?: string): ErrorItem[] =>
  [path === undefined ? { code, message } : { code, message, path }];

export class BadRequestError extends AppError {
  constructor(message: string, code = 'BAD_REQUEST', path?: string) { super(400, single(code, message, path)); }
}
export class UnauthorizedError extends AppError {
  constructor(message = '请先登录。', code = 'UNAUTHENTICATED') { super(401, single(code, message)); }
}
export class ForbiddenError extends AppError {
  constructor(message = '您没有执行此操作的权限。', code = 'FORBIDDEN') { super(403, single(code, message)); }
}
export class NotFoundError extends AppError {
  constructor(message = '要访问的内容不存在，或您无权查看。') { super(404, single('NOT_FOUND', message)); }
}
export class ConflictError extends AppError {
  constructor(items: ErrorItem[]) { super(409, items); }
}
export class PayloadTooLargeError extends AppError {
  constructor(message = '提交的内容过大。') { super(413, single('TOO_LARGE', message)); }
}
export class LockedError extends AppError {
  constructor(message: string, lockedUntil: string) {
    super(423, single('ACCOUNT_LOCKED', message), { lockedUntil });
  }
}
/** A write refused because the record is locked (e.g. a candidate under pre-registration review): 423 with the lock's reasons. */
export class RecordLockedError extends AppError {
  constructor(items: ErrorItem[]) { super(423, items); }
}
export class TooManyRequestsError extends AppError {
  constructor(message = '请求过于频繁，请稍后再试。') { super(429, single('THROTTLED', message)); }
}
export class ValidationError extends AppError {
  constructor(items: ErrorItem[]) { super(422, items); }
}
