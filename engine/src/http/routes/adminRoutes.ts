import { listAudit } from '../../audit/index.js';
import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter } from '../routing/index.js';

const actorOf = (ctx: AppContext) => principalOf(ctx).actor;
const bodyOf = (ctx: AppContext): unknown => ctx.request.body ?? {};

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
  routes.post('/roles', { permission: 'system.role.create' }, async (ctx) => {
    ctx.status = 201;
    ctx.body = await roles.create(actorOf(ctx as AppContext), bodyOf(ctx as AppContext));
  });
  routes.get('/roles/:id', { permission: 'system.role.view' }, async (ctx) => {
    ctx.body = await roles.get(actorOf(ctx as AppContext), ctx.params.id!);
  });
  routes.put('/roles/:id', { permission: 'system.role.update' }, async (ctx) => {
    ctx.body = await roles.update(actorOf(ctx as AppContext), ctx.params.id!, bodyOf(ctx as AppContext));
  });
  routes.delete('/roles/:id', { permission: 'system.role.delete' }, async (ctx) => {
    await roles.delete(actorOf(ctx as AppContext), ctx.params.id!);
    ctx.status = 204;
  });

  routes.get('/accounts', { permission: 'system.account.view' }, async (ctx) => {
    ctx.body = await accounts.list(actorOf(ctx as AppContext), ctx.query);
  });
  routes.post('/accounts', { permission: 'system.account.create' }, async (ctx) => {
    ctx.status = 201;
    ctx.body = await accounts.create(actorOf(ctx as AppContext), bodyOf(ctx as AppContext));
  });
  routes.get('/accounts/role-options', { permission: 'system.account.view' }, async (ctx) => {
    ctx.body = { items: await accounts.assignableRoles(actorOf(ctx as AppContext)) };
  });
  routes.get('/accounts/:id', { permission: 'system.account.view' }, async (ctx) => {
    ctx.body = await accounts.get(actorOf(ctx as AppContext), ctx.params.id!);
  });
  routes.put('/accounts/:id', { permission: 'system.account.update' }, async (ctx) => {
    ctx.body = await accounts.update(actorOf(ctx as AppContext), ctx.params.id!, bodyOf(ctx as AppContext));
  });
  routes.delete('/accounts/:id', { permission: 'system.account.delete' }, async (ctx) => {
    await accounts.delete(actorOf(ctx as AppContext), ctx.params.id!);
    ctx.status = 204;
  });
  routes.post('/accounts/:id/unlock', { permission: 'system.account.unlock' }, async (ctx) => {
    ctx.body = await accounts.unlock(actorOf(ctx as AppContext), ctx.params.id!);
  });
  routes.post('/accounts/:id/reset-password', { permission: 'system.account.resetPassword' }, async (ctx) => {
    ctx.body = await accounts.resetPassword(actorOf(ctx as AppContext), ctx.params.id!, bodyOf(ctx as AppContext));
  });

  routes.get('/audit', { permission: 'system.audit' }, async (ctx) => {
    ctx.body = await listAudit(services.db.reader, actorOf(ctx as AppContext), ctx.query);
  });
  return routes;
}
