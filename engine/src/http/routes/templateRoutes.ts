import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter } from '../routing/index.js';

/** `/api/templates/:entity`: the record templates of an entity, and applying one (初始化部门). */
export function templateRoutes(services: Services): SecureRouter {
  const { templates } = services;
  const routes = new SecureRouter(services, '/api/templates');
  routes.get('/:entity', { entity: 'create' }, (ctx) => {
    ctx.body = { items: templates.list(principalOf(ctx as AppContext).actor, ctx.params.entity!) };
  });
  routes.post('/:entity/:key/apply', { entity: 'create' }, async (ctx) => {
    ctx.status = 201;
    ctx.body = await templates.apply(principalOf(ctx as AppContext).actor, ctx.params.entity!, ctx.params.key!);
  });
  return routes;
}
