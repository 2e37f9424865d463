import { ForbiddenError, LockedError, UnauthorizedError } from '../errors/index.js';

/** `2026-11-25T10:05:00.000Z` → `2026-11-25 18:05` (China Standard Time, what users read on their clocks). */
export function beijingTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

export const lockedError = (lockedUntil: string) =>
  new LockedError(`密码连续输错次数过多，账号已锁定至 ${beijingTime(lockedUntil)}（北京时间）。请到时再试，或联系本单位总账号（或上级单位）解锁。`, lockedUntil);

/** The same answer for a wrong password and an unknown username. */
export function invalidCredentials(remaining?: number): UnauthorizedError {
  const error = new UnauthorizedError(remaining === undefined ? '账号或密码错误，请重新输入。'
    : `账号或密码错误，请重新输入。再输错 ${remaining} 次，账号将被锁定。`, 'INVALID_CREDENTIALS');
  if (remaining !== undefined) Object.assign(error.extra, { remainingAttempts: remaining });
  return error;
}

export const internetAccessDisabled = () => new ForbiddenError(
  '没有开通互联网访问权限：您的账号目前只能通过卫生专网访问。如需通过互联网访问，请联系上级卫生健康行政部门开通。',
  'INTERNET_ACCESS_DISABLED');

export const accountDisabled = () => new ForbiddenError('该账号已停用，请联系本单位总账号。', 'ACCOUNT_DISABLED');
