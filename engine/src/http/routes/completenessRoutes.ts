import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter } from '../routing/index.js';

/** `GET /api/completeness/:entity?ids=a,b`: what each record still lacks (the staff list's indicator). */
export function completenessRoutes(services: Services): SecureRouter {
  const routes = new SecureRouter(services, '/api/completeness');
  routes.get('/:entity', { entity: 'read' }, async (ctx) => {
    ctx.body = { items: await services.completeness.check(principalOf(ctx as AppContext).actor, ctx.params.entity!, ctx.query.ids) };
  });
  return routes;
}
