import type { RecordView } from '../../records/index.js';
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
  // Sensitive values (x-sensitive) are masked unless the actor may reveal them; a read that reveals them is audited.
  const shown = (ctx: AppContext, views: RecordView[], audit = false) => records.present(actorOf(ctx), ctx.params.entity!, views, audit);
  routes.get('/:entity', { entity: 'read' }, async (ctx) => {
    const result = await records.list(actorOf(ctx as AppContext), ctx.params.entity!, ctx.query);
    ctx.body = { ...result, items: await shown(ctx as AppContext, result.items, true) };
  });
  routes.post('/:entity', { entity: 'create' }, async (ctx) => {
    const created = await records.create(actorOf(ctx as AppContext), ctx.params.entity!, bodyOf(ctx as AppContext).data);
    ctx.status = 201;
    ctx.body = (await shown(ctx as AppContext, [created]))[0];
  });
  // Several records at once, all or none (group rules such as a person's probation segments).
  routes.post('/:entity/batch', { entity: 'create' }, async (ctx) => {
    const items = await records.createMany(actorOf(ctx as AppContext), ctx.params.entity!, bodyOf(ctx as AppContext).items);
    ctx.status = 201;
    ctx.body = { items: await shown(ctx as AppContext, items) };
  });
  routes.get('/:entity/:id', { entity: 'read' }, async (ctx) => {
    const record = await records.get(actorOf(ctx as AppContext), ctx.params.entity!, ctx.params.id!);
    ctx.body = (await shown(ctx as AppContext, [record], true))[0];
  });
  routes.put('/:entity/:id', { entity: 'update' }, async (ctx) => {
    const body = bodyOf(ctx as AppContext);
    const updated = await records.update(actorOf(ctx as AppContext), ctx.params.entity!, ctx.params.id!, body.version, body.data);
    ctx.body = (await shown(ctx as AppContext, [updated]))[0];
  });
  routes.delete('/:entity/:id', { entity: 'delete' }, async (ctx) => {
    await records.delete(actorOf(ctx as AppContext), ctx.params.entity!, ctx.params.id!);
    ctx.status = 204;
  });
  return routes;
}
