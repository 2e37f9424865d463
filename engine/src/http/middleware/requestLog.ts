import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../../log/index.js';
import type { AppState } from '../context.js';

/**
 * A request id for every request (echoed in `X-Request-Id`) and one log line per API request:
 * method, path without the query string (it may hold search terms such as ID numbers), status, time.
 */
export function requestLog(logger: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    ctx.state.requestId = randomUUID();
    ctx.set('X-Request-Id', ctx.state.requestId);
    try {
      await next();
    } finally {
      if (ctx.path.startsWith('/api/')) {
        logger.info({ requestId: ctx.state.requestId, method: ctx.method, path: ctx.path, status: ctx.status,
          ms: Number(process.hrtime.bigint() - started) / 1e6, account: ctx.state.principal?.account.id }, 'request');
      }
    }
  };
}

/** Conservative browser security headers for the API and the web apps. */
export const securityHeaders: Middleware = async (ctx, next) => {
  await next();
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set('Referrer-Policy', 'same-origin');
  ctx.set('Content-Security-Policy',
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'");
  if (ctx.path.startsWith('/api/')) ctx.set('Cache-Control', 'no-store');
};
