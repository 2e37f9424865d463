import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter } from '../routing/index.js';

type Body = { data?: unknown; version?: unknown; items?: unknown };
const actorOf = (ctx: AppContext) => principalOf(ctx).actor;
const bodyOf = (ctx: AppContext): Body => (ctx.request.body ?? {}) as Body;

/** `/api/data/:entity`: tenant-scoped records of every entity (API.md). Thin: parse, call, map. */
export function dataRoutes(services: Services): SecureRouter {
  const { records } = services;
  const routes = new SecureRouter(services, '/api/data');
  routes.get('/:entity', { entity: 'read' }, async (ctx) => {
    ctx.body = await records.list(actorOf(ctx as AppContext), ctx.params.entity!, ctx.query);
  });
  routes.post('/:entity', { entity: 'create' }, async (ctx) => {
    ctx.status = 201;
    ctx.body = await records.create(actorOf(ctx as AppContext), ctx.params.entity!, bodyOf(ctx as AppContext).data);
  });
  // Several records at once, all or none (group rules such as a person's probation segments).
  routes.post('/:entity/batch', { entity: 'create' }, async (ctx) => {
    ctx.status = 201;
    ctx.body = { items: await records.createMany(actorOf(ctx as AppContext), ctx.params.entity!, bodyOf(ctx as AppContext).items) };
  });
  routes.get('/:entity/:id', { entity: 'read' }, async (ctx) => {
    ctx.body = await records.get(actorOf(ctx as AppContext), ctx.params.entity!, ctx.params.id!);
  });
  routes.put('/:entity/:id', { entity: 'update' }, async (ctx) => {
    const body = bodyOf(ctx as AppContext);
    ctx.body = await records.update(actorOf(ctx as AppContext), ctx.params.entity!, ctx.params.id!, body.version, body.data);
  });
  routes.delete('/:entity/:id', { entity: 'delete' }, async (ctx) => {
    await records.delete(actorOf(ctx as AppContext), ctx.params.entity!, ctx.params.id!);
    ctx.status = 204;
  });
  return routes;
}
