import type { DefinitionKind } from '../../definitions/index.js';
import { definitionKinds } from '../../definitions/index.js';
import { NotFoundError } from '../../errors/index.js';
import type { RulesetContent } from '../../rules/index.js';
import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter } from '../routing/index.js';

/**
 * Definitions over HTTP: the rule sets governing an entity (what the browser judges forms with),
 * and publishing a new version of any definition (定义管理: a bureau publishes next year's rules).
 */
export function definitionAdminRoutes(services: Services): SecureRouter {
  const { registry, publisher } = services;
  const routes = new SecureRouter(services, '/api');

  routes.get('/rulesets/:entity', { entity: 'read' }, (ctx) => {
    ctx.body = { items: registry.list('ruleset').map((d) => ({ key: d.key, version: d.version, content: d.content }))
      .filter((d) => (d.content as unknown as RulesetContent).appliesTo.entity === ctx.params.entity) };
  });

  routes.get('/definitions/:kind/:key', { permission: 'system.definitions.view' }, async (ctx) => {
    const kind = ctx.params.kind as DefinitionKind;
    if (!definitionKinds.includes(kind)) throw new NotFoundError();
    const version = ctx.query.version === undefined ? undefined : Number(ctx.query.version);
    const stored = version === undefined ? registry.get(kind, ctx.params.key!)
      : await services.definitions.byVersion(kind, ctx.params.key!, version);
    if (!stored) throw new NotFoundError('没有这个定义或版本。');
    ctx.body = { kind: stored.kind, key: stored.key, version: stored.version, content: stored.content };
  });

  const publish = (kinds?: DefinitionKind[]) => async (ctx: AppContext) => {
    const stored = await publisher.publish(principalOf(ctx).actor, (ctx.request.body as { content?: unknown })?.content, kinds);
    ctx.status = 201;
    ctx.body = { kind: stored.kind, key: stored.key, version: stored.version };
  };
  // Any definition: the system administrator (定义管理). Rule sets only: the bureaus too (填报规则管理).
  routes.post('/definitions', { permission: 'system.definitions.publish' }, publish());
  routes.post('/rulesets', { permission: 'system.rulesets.publish' }, publish(['ruleset']));
  return routes;
}
