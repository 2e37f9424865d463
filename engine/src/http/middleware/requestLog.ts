import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import { maskDigits } from '../../log/index.js';
import type { AppState, Services } from '../context.js';

/**
 * A request id the proxy may have chosen (nginx `$request_id`, a UUID): letters, digits and `._:-`,
 * 8 to 128 characters. Anything else is replaced, so a client cannot put text of its choice into
 * every log line or spoof another request's id.
 */
const WELL_FORMED_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/**
 * A request id for every request (taken from `X-Request-Id` when well-formed, else new; echoed in
 * the response) and one JSON log line per API request: id, method, route pattern, path without the
 * query string (it may hold search terms such as ID numbers; digit runs masked), status, time,
 * account id (never the username) and the client address as resolved through TRUSTED_PROXIES.
 */
export function requestLog(services: Pick<Services, 'logger' | 'network'>): Middleware<AppState> {
  const { logger, network } = services;
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    const given = ctx.get('X-Request-Id');
    ctx.state.requestId = WELL_FORMED_ID.test(given) ? given : randomUUID();
    ctx.set('X-Request-Id', ctx.state.requestId);
    // Resolved here too (not only by loadPrincipal) so that a request refused before it still logs its client.
    ctx.state.clientIp = network.clientAddress(ctx.req.socket.remoteAddress, ctx.get('X-Forwarded-For') || undefined);
    try {
      await next();
    } finally {
      if (ctx.path.startsWith('/api/')) {
        const route = (ctx as { _matchedRoute?: unknown })._matchedRoute;
        logger.info({
          requestId: ctx.state.requestId, method: ctx.method, route: typeof route === 'string' ? route : null, path: maskDigits(ctx.path),
          status: ctx.status, ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
          account: ctx.state.principal?.account.id ?? null, remoteAddress: ctx.state.clientIp,
        }, 'request');
      }
    }
  };
}
