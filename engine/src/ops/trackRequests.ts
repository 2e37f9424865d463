import type { Middleware } from 'koa';
import type { Lifecycle } from './Lifecycle.js';

/**
 * Counts requests in flight, and once the process drains answers each with `Connection: close`:
 * a keep-alive connection (the proxy's upstream pool) must not hold the shutdown open, and the
 * proxy then opens its next connection to another engine.
 */
export function trackRequests(lifecycle: Lifecycle): Middleware {
  return async (ctx, next) => {
    lifecycle.inFlight += 1;
    try {
      await next();
    } finally {
      lifecycle.inFlight -= 1;
      if (lifecycle.draining && !ctx.headerSent) ctx.set('Connection', 'close');
    }
  };
}
