import type { Services } from '../context.js';
import { SecureRouter } from '../routing/index.js';

/** `GET /api/health`: 200 once the engine accepts requests and its database answers. */
export function healthRoutes(services: Services): SecureRouter {
  const routes = new SecureRouter(services);
  routes.get('/api/health', { public: true }, async (ctx) => {
    try {
      await services.db.knex.raw('select 1');
      ctx.body = { status: 'ok' };
    } catch (error) {
      services.logger.error({ err: { name: (error as Error).name } }, 'health check: database unreachable');
      ctx.status = 503;
      ctx.body = { status: 'error', errors: [{ code: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法访问。' }] };
    }
  });
  return routes;
}
