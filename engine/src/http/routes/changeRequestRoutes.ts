import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter, type Access } from '../routing/index.js';

const actorOf = (ctx: AppContext) => principalOf(ctx).actor;
/** The service checks the institution-information permissions, and the review task for reviewers. */
const ACCESS: Access = { session: true, realName: true };

/** `/api/change-requests`: the institution's change requests of its 主体信息, and the reviewer's view. */
export function changeRequestRoutes(services: Services): SecureRouter {
  const { changeRequests } = services;
  const routes = new SecureRouter(services, '/api');
  routes.post('/change-requests/institution', ACCESS, async (ctx) => {
    ctx.status = 201;
    ctx.body = { request: await changeRequests.create(actorOf(ctx as AppContext), ctx.request.body) };
  });
  routes.get('/change-requests/institution', ACCESS, async (ctx) => {
    ctx.body = await changeRequests.mine(actorOf(ctx as AppContext));
  });
  routes.get('/change-requests/:id', ACCESS, async (ctx) => {
    ctx.body = { request: await changeRequests.get(actorOf(ctx as AppContext), ctx.params.id!) };
  });
  /** A sent-back request revised by its submitter: re-validated and rebased on the current record, back to review. */
  routes.put('/change-requests/:id', ACCESS, async (ctx) => {
    ctx.body = { request: await changeRequests.revise(actorOf(ctx as AppContext), ctx.params.id!, ctx.request.body) };
  });
  routes.post('/change-requests/:id/withdraw', ACCESS, async (ctx) => {
    ctx.body = { request: await changeRequests.withdraw(actorOf(ctx as AppContext), ctx.params.id!) };
  });
  return routes;
}
