import Router from '@koa/router';
import type { AppContext, AppState, Services } from '../context.js';
import { guard, principalOf } from '../middleware/guards.js';

type Body = { data?: unknown; version?: unknown };
const actorOf = (ctx: AppContext) => principalOf(ctx).actor;
const bodyOf = (ctx: AppContext): Body => (ctx.request.body ?? {}) as Body;

/** `/api/data/:entity`: tenant-scoped records of every entity (API.md). Thin: parse, call, map. */
export function dataRoutes({ records }: Services): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/data' });
  router.use(guard({ requireRealName: true }));

  router.get('/:entity', async (ctx) => {
    ctx.body = await records.list(actorOf(ctx as AppContext), ctx.params.entity!, ctx.query);
  });
  router.post('/:entity', async (ctx) => {
    ctx.status = 201;
    ctx.body = await records.create(actorOf(ctx as AppContext), ctx.params.entity!, bodyOf(ctx as AppContext).data);
  });
  router.get('/:entity/:id', async (ctx) => {
    ctx.body = await records.get(actorOf(ctx as AppContext), ctx.params.entity!, ctx.params.id!);
  });
  router.put('/:entity/:id', async (ctx) => {
    const body = bodyOf(ctx as AppContext);
    ctx.body = await records.update(actorOf(ctx as AppContext), ctx.params.entity!, ctx.params.id!, body.version, body.data);
  });
  router.delete('/:entity/:id', async (ctx) => {
    await records.delete(actorOf(ctx as AppContext), ctx.params.entity!, ctx.params.id!);
    ctx.status = 204;
  });
  return router;
}
