import Router from '@koa/router';
import type { Middleware } from 'koa';
import { TooManyRequestsError } from '../errors/index.js';
import type { AppState } from '../http/context.js';
import type { RequestThrottle } from './RequestThrottle.js';
import { THROTTLE_RULES, type ThrottleRule } from './rules.js';

/** "45 秒" below a minute, else whole minutes rounded up. */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}

function limitBy(throttle: RequestThrottle, rule: ThrottleRule): Middleware<AppState> {
  return async (ctx, next) => {
    const verdict = await throttle.check(rule, { address: ctx.state.clientIp, accountId: ctx.state.principal?.account.id });
    if (!verdict.allowed) {
      ctx.set('Retry-After', String(verdict.retryAfterSeconds));
      throw new TooManyRequestsError(rule.message(waitText(verdict.retryAfterSeconds)));
    }
    await next();
  };
}

/**
 * Counts the requests to the endpoints of THROTTLE_RULES (matched like the routes themselves) and
 * refuses those over a limit with 429, `Retry-After` and THROTTLED; everything else passes. Runs
 * after the principal is loaded (per-account limits) and before the routes.
 */
export function throttleRequests(throttle: RequestThrottle): Middleware<AppState> {
  const router = new Router<AppState>();
  for (const rule of THROTTLE_RULES) {
    for (const [method, path] of rule.routes) router.register(path, [method], [limitBy(throttle, rule)]);
  }
  return router.routes() as Middleware<AppState>;
}
