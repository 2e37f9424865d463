import { BadRequestError, ConflictError, ForbiddenError, LockedError, UnauthorizedError, ValidationError } from '../../errors/index.js';
import { beijingTime } from '../messages.js';

export const enrolmentRequired = () => new ForbiddenError(
  '按照安全策略，您的账号必须开启双因素认证（动态验证码）后才能使用系统功能。请在“双因素认证”页面用手机验证器应用扫码绑定。',
  'TWO_FACTOR_ENROLMENT_REQUIRED');

export const codeMissing = () => new BadRequestError('请输入手机验证器应用显示的 6 位动态验证码，或一个恢复码。', 'TWO_FACTOR_CODE_MISSING', '/code');

/** A wrong, expired or already used code; like a wrong password it tells how many attempts remain. */
export function invalidCode(remaining?: number): UnauthorizedError {
  const error = new UnauthorizedError(`验证码错误、已过期或已使用过，请输入验证器应用当前显示的 6 位验证码，或一个未用过的恢复码。${
    remaining === undefined ? '' : `再输错 ${remaining} 次，账号将被锁定。`}`, 'INVALID_TWO_FACTOR_CODE');
  if (remaining !== undefined) Object.assign(error.extra, { remainingAttempts: remaining });
  return error;
}

export const codeLocked = (lockedUntil: string) => new LockedError(
  `密码或验证码连续输错次数过多，账号已锁定至 ${beijingTime(lockedUntil)}（北京时间）。请到时再试，或联系本单位总账号（或上级单位）解锁。`, lockedUntil);

export const challengeExpired = () => new UnauthorizedError(
  '登录验证已超时或已失效，请重新输入账号和密码登录。', 'TWO_FACTOR_CHALLENGE_EXPIRED');

export const alreadyEnabled = () => new ConflictError([{ code: 'TWO_FACTOR_ALREADY_ENABLED',
  message: '您的账号已开启双因素认证。如需更换手机，请先关闭后重新绑定，或联系管理员重置。' }]);

export const notPending = () => new ConflictError([{ code: 'TWO_FACTOR_NOT_PENDING',
  message: '没有待确认的绑定，请先点击“开始绑定”获取二维码。' }]);

export const notEnabled = () => new ConflictError([{ code: 'TWO_FACTOR_NOT_ENABLED',
  message: '您的账号尚未开启双因素认证，请先绑定验证器应用。' }]);

export const requiredByPolicy = () => new ForbiddenError(
  '按照安全策略，您的账号必须使用双因素认证，不能关闭。如需更换手机，请联系管理员重置后重新绑定。', 'TWO_FACTOR_REQUIRED_BY_POLICY');

export const wrongPassword = () => new ValidationError([{ code: 'WRONG_PASSWORD', path: '/password', message: '登录密码不正确，请重新输入。' }]);

export const wrongEnrolmentCode = () => new ValidationError([{ code: 'INVALID_TWO_FACTOR_CODE', path: '/code',
  message: '验证码不正确。请确认手机时间准确，并输入验证器应用中本账号当前显示的 6 位数字。' }]);
