import { NotFoundError } from '../../errors/index.js';
import type { AppContext, Services } from '../context.js';
import { SecureRouter } from '../routing/index.js';

const SHUTTING_DOWN = { code: 'SHUTTING_DOWN', message: '服务正在停止，请稍后重试。' };

/**
 * `GET /api/health` (API.md): 200 `{"status":"ok"}` while the engine accepts requests and its
 * database answers; 503 while it shuts down, so that the proxy stops sending to it.
 * `GET /api/health/ready`: the details for operators (each check's time, queue figures, requests
 * in flight; no personal data), only to clients on the private network (PRIVATE_NETWORKS).
 */
export function healthRoutes(services: Services): SecureRouter {
  const { lifecycle, logger, network } = services;
  const routes = new SecureRouter(services);
  routes.get('/api/health', { public: true }, async (ctx) => {
    if (lifecycle.draining) {
      ctx.status = 503;
      ctx.body = { status: 'error', errors: [SHUTTING_DOWN] };
      return;
    }
    try {
      await services.db.knex.raw('select 1');
      ctx.body = { status: 'ok' };
    } catch (error) {
      logger.error({ err: { name: (error as Error).name } }, 'health check: database unreachable');
      ctx.status = 503;
      ctx.body = { status: 'error', errors: [{ code: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法访问。' }] };
    }
  });
  routes.get('/api/health/ready', { public: true }, async (ctx) => {
    if (!network.isPrivate((ctx as AppContext).state.clientIp)) throw new NotFoundError('没有这个接口。');
    const { ready, ...details } = await lifecycle.readiness();
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? 'ok' : lifecycle.draining ? 'draining' : 'error', ...details };
  });
  return routes;
}
