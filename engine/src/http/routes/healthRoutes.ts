import Router from '@koa/router';
import type { AppState, Services } from '../context.js';

/** `GET /api/health`: 200 once the engine accepts requests and its database answers. */
export function healthRoutes({ db, logger }: Services): Router<AppState> {
  const router = new Router<AppState>();
  router.get('/api/health', async (ctx) => {
    try {
      await db.knex.raw('select 1');
      ctx.body = { status: 'ok' };
    } catch (error) {
      logger.error({ err: { name: (error as Error).name } }, 'health check: database unreachable');
      ctx.status = 503;
      ctx.body = { status: 'error', errors: [{ code: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法访问。' }] };
    }
  });
  return router;
}
