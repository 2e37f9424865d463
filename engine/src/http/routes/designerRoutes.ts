import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter, type Access } from '../routing/index.js';
import { contentOf, requireEditable, runRulesetCases } from '../../designer/index.js';

/**
 * `/api/designer` (issue 7): the definition designer. Every route needs a session; who may read and
 * which kinds they may change is the designer's kind policy (system administrator: every kind;
 * province bureau with 填报规则管理: rule sets and dictionaries), checked in the services.
 */
export function designerRoutes(services: Services): SecureRouter {
  const { catalog, drafts, replayer, impact } = services.designer;
  const routes = new SecureRouter(services, '/api/designer');
  const ACCESS: Access = { session: true, realName: true };
  const actor = (ctx: AppContext) => principalOf(ctx).actor;
  const p = (ctx: AppContext) => ({ kind: ctx.params.kind!, key: ctx.params.key! });
  const query = (ctx: AppContext, name: string) => (typeof ctx.query[name] === 'string' ? ctx.query[name] as string : undefined);

  routes.get('/me', ACCESS, (ctx) => { ctx.body = catalog.me(actor(ctx)); });
  routes.get('/definitions', ACCESS, async (ctx) => { ctx.body = await catalog.list(actor(ctx), query(ctx, 'kind'), query(ctx, 'q')); });
  routes.get('/definitions/:kind/:key', ACCESS, async (ctx) => { ctx.body = await catalog.detail(actor(ctx), p(ctx).kind, p(ctx).key); });
  routes.get('/definitions/:kind/:key/versions/:version', ACCESS, async (ctx) => {
    ctx.body = await catalog.version(actor(ctx), p(ctx).kind, p(ctx).key, ctx.params.version);
  });
  routes.get('/definitions/:kind/:key/diff', ACCESS, async (ctx) => {
    ctx.body = await catalog.diff(actor(ctx), p(ctx).kind, p(ctx).key, query(ctx, 'from'), query(ctx, 'to'));
  });
  routes.put('/definitions/:kind/:key/draft', ACCESS, async (ctx) => {
    ctx.body = await drafts.save(actor(ctx), p(ctx).kind, p(ctx).key, ctx.request.body);
  });
  routes.delete('/definitions/:kind/:key/draft', ACCESS, async (ctx) => {
    await drafts.discard(actor(ctx), p(ctx).kind, p(ctx).key);
    ctx.status = 204;
  });
  routes.post('/definitions/:kind/:key/copy', ACCESS, async (ctx) => {
    ctx.status = 201;
    ctx.body = await drafts.copy(actor(ctx), p(ctx).kind, p(ctx).key, ctx.request.body);
  });
  routes.post('/definitions/:kind/:key/publish', ACCESS, async (ctx) => {
    ctx.status = 201;
    ctx.body = await drafts.publish(actor(ctx), p(ctx).kind, p(ctx).key, ctx.request.body);
  });
  routes.post('/definitions/:kind/:key/rollback', ACCESS, async (ctx) => {
    ctx.status = 201;
    ctx.body = await drafts.rollback(actor(ctx), p(ctx).kind, p(ctx).key, ctx.request.body);
  });
  routes.post('/definitions/:kind/:key/impact', ACCESS, async (ctx) => {
    ctx.body = await impact.check(actor(ctx), p(ctx).kind, p(ctx).key, ctx.request.body);
  });
  routes.post('/validate', ACCESS, async (ctx) => { ctx.body = await drafts.validate(actor(ctx), ctx.request.body); });
  routes.post('/rulesets/test', ACCESS, (ctx) => {
    requireEditable(actor(ctx), 'ruleset');
    ctx.body = runRulesetCases(contentOf(ctx.request.body), services.registry);
  });
  routes.post('/rulesets/replay', ACCESS, async (ctx) => { ctx.body = await replayer.replay(actor(ctx), ctx.request.body); });
  return routes;
}
