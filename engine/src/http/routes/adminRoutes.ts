import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter } from '../routing/index.js';

const actorOf = (ctx: AppContext) => principalOf(ctx).actor;
const bodyOf = (ctx: AppContext): unknown => ctx.request.body ?? {};

type Actor = ReturnType<typeof actorOf>;
interface Resource {
  create(actor: Actor, body: unknown): Promise<unknown>;
  get(actor: Actor, id: string): Promise<unknown>;
  update(actor: Actor, id: string, body: unknown): Promise<unknown>;
  delete(actor: Actor, id: string): Promise<void>;
}

/** POST `/path`, GET/PUT/DELETE `/path/:id`, each under `<permission>.<action>`. */
function resourceRoutes(routes: SecureRouter, path: string, permission: string, service: Resource): void {
  routes.post(path, { permission: `${permission}.create` }, async (ctx) => {
    ctx.status = 201;
    ctx.body = await service.create(actorOf(ctx as AppContext), bodyOf(ctx as AppContext));
  });
  routes.get(`${path}/:id`, { permission: `${permission}.view` }, async (ctx) => {
    ctx.body = await service.get(actorOf(ctx as AppContext), ctx.params.id!);
  });
  routes.put(`${path}/:id`, { permission: `${permission}.update` }, async (ctx) => {
    ctx.body = await service.update(actorOf(ctx as AppContext), ctx.params.id!, bodyOf(ctx as AppContext));
  });
  routes.delete(`${path}/:id`, { permission: `${permission}.delete` }, async (ctx) => {
    await service.delete(actorOf(ctx as AppContext), ctx.params.id!);
    ctx.status = 204;
  });
}

/**
 * System management (guide §7): 管理角色管理 (`/api/roles`, the grantable `/api/permissions`),
 * 账号管理 (`/api/accounts`), and the audit log (`/api/audit`). Each route names its permission.
 */
export function adminRoutes(services: Services): SecureRouter {
  const { roles, accounts } = services;
  const routes = new SecureRouter(services, '/api');

  routes.get('/permissions', { permission: 'system.role.view' }, (ctx) => {
    ctx.body = { items: roles.grantableTree(actorOf(ctx as AppContext)) };
  });
  routes.get('/roles', { permission: 'system.role.view' }, async (ctx) => {
    ctx.body = { items: await roles.list(actorOf(ctx as AppContext)) };
  });
  resourceRoutes(routes, '/roles', 'system.role', roles);

  routes.get('/accounts', { permission: 'system.account.view' }, async (ctx) => {
    ctx.body = await accounts.list(actorOf(ctx as AppContext), ctx.query);
  });
  routes.get('/accounts/role-options', { permission: 'system.account.view' }, async (ctx) => {
    ctx.body = { items: await accounts.assignableRoles(actorOf(ctx as AppContext)) };
  });
  resourceRoutes(routes, '/accounts', 'system.account', accounts);
  routes.post('/accounts/:id/unlock', { permission: 'system.account.unlock' }, async (ctx) => {
    ctx.body = await accounts.unlock(actorOf(ctx as AppContext), ctx.params.id!);
  });
  routes.post('/accounts/:id/reset-password', { permission: 'system.account.resetPassword' }, async (ctx) => {
    ctx.body = await accounts.resetPassword(actorOf(ctx as AppContext), ctx.params.id!, bodyOf(ctx as AppContext));
  });

  routes.get('/audit', { permission: 'system.audit' }, async (ctx) => {
    ctx.body = await services.audit.list(actorOf(ctx as AppContext), ctx.query);
  });
  return routes;
}
