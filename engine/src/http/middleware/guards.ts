import { timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';
import { enrolmentRequired, type Principal } from '../../auth/index.js';
import { ForbiddenError, UnauthorizedError } from '../../errors/index.js';
import { SESSION_COOKIE, type AppContext, type AppState, type Services } from '../context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing API request whose Origin header names another site (defence in depth
 * beside the CSRF token; it also covers login, which has no token yet).
 */
export const sameOrigin: Middleware<AppState> = async (ctx, next) => {
  const origin = ctx.get('Origin');
  if (origin && ctx.path.startsWith('/api/') && !SAFE_METHODS.has(ctx.method)) {
    let host: string | undefined;
    try { host = new URL(origin).host; } catch { host = undefined; }
    if (host !== ctx.host) throw new ForbiddenError('请求来源不可信，请从本系统页面操作。', 'CSRF');
  }
  await next();
};

/** The client address (R-1.1: X-Forwarded-For only from trusted proxies), then the session's principal, if any. */
export function loadPrincipal(services: Services): Middleware<AppState> {
  return async (ctx, next) => {
    ctx.state.clientIp = services.network.clientAddress(ctx.req.socket.remoteAddress, ctx.get('X-Forwarded-For') || undefined);
    const token = ctx.path.startsWith('/api/') ? ctx.cookies.get(SESSION_COOKIE) : undefined;
    if (token) {
      const principal = await services.auth.authenticate(token, { ip: ctx.state.clientIp, requestId: ctx.state.requestId });
      if (principal) ctx.state.principal = principal;
    }
    await next();
  };
}

export function principalOf(ctx: AppContext): Principal {
  const principal = ctx.state.principal;
  if (!principal) throw new UnauthorizedError('您尚未登录或登录已超时，请重新登录。');
  return principal;
}

function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface GuardOptions {
  /** Allowed while the first-login password change is pending (logout, me, password). */
  allowPendingPasswordChange?: boolean;
  /** Allowed while a second factor the policy requires is not enrolled yet (enrolment, me, logout). */
  allowPendingTwoFactorEnrolment?: boolean;
  /** Business functions need an approved real-name verification. */
  requireRealName?: boolean;
}

/**
 * Login required; the access channel (an account without internet access only from the private
 * network, on every request); the CSRF token on every state-changing request; then the gates of
 * API.md: PASSWORD_CHANGE_REQUIRED before anything else, REAL_NAME_REQUIRED before business calls.
 */
export function guard(services: Services, options: GuardOptions = {}): Middleware<AppState> {
  return async (ctx, next) => {
    const principal = principalOf(ctx as AppContext);
    services.auth.assertChannel(principal.account, ctx.state.clientIp);
    if (!SAFE_METHODS.has(ctx.method) && !csrfMatches(principal.session.csrfToken, ctx.get('X-CSRF-Token') || undefined)) {
      throw new ForbiddenError('页面已过期或请求来源不可信，请刷新页面后重试。', 'CSRF');
    }
    if (principal.account.mustChangePassword && !options.allowPendingPasswordChange) {
      throw new ForbiddenError('首次登录请先修改密码，修改后才能使用系统功能。', 'PASSWORD_CHANGE_REQUIRED');
    }
    if (principal.twoFactorEnrolmentRequired && !options.allowPendingTwoFactorEnrolment) throw enrolmentRequired();
    if (options.requireRealName && principal.account.realNameStatus !== 'approved') {
      throw new ForbiddenError('您的账号尚未通过实名认证，请先完成实名认证并等待审核通过。', 'REAL_NAME_REQUIRED');
    }
    await next();
  };
}
