import { BadRequestError } from '../../errors/index.js';
import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter, type Access } from '../routing/index.js';

const actorOf = (ctx: AppContext) => principalOf(ctx).actor;
/**
 * Any logged-in, real-name-verified user: `WorkflowService` decides per task and instance (the
 * task's assignment, resolved against the initiator's organisation; anyone else 404).
 */
const ACCESS: Access = { session: true, realName: true };
const STATES = ['open', 'done'] as const;

/** `/api/tasks` (API.md "Approvals") and the history and withdrawal of process instances. */
export function taskRoutes(services: Services): SecureRouter {
  const { workflow } = services;
  const routes = new SecureRouter(services, '/api');
  routes.get('/tasks', ACCESS, async (ctx) => {
    const state = ctx.query.state ?? 'open';
    if (!STATES.includes(state as (typeof STATES)[number])) throw new BadRequestError('state 只能是 open（待办）或 done（已办）。', 'BAD_REQUEST', '/state');
    ctx.body = await workflow.tasks(actorOf(ctx as AppContext), state as (typeof STATES)[number]);
  });
  routes.post('/tasks/:id/complete', ACCESS, async (ctx) => {
    ctx.body = { task: await workflow.complete(actorOf(ctx as AppContext), ctx.params.id!, ctx.request.body) };
  });
  routes.get('/workflow/instances/:id/history', ACCESS, async (ctx) => {
    ctx.body = await workflow.history(actorOf(ctx as AppContext), ctx.params.id!);
  });
  routes.get('/workflow/instances/:id/diagram', ACCESS, async (ctx) => {
    ctx.body = await workflow.diagram(actorOf(ctx as AppContext), ctx.params.id!);
  });
  routes.post('/workflow/instances/:id/withdraw', ACCESS, async (ctx) => {
    ctx.body = { instance: await workflow.withdraw(actorOf(ctx as AppContext), ctx.params.id!) };
  });
  return routes;
}
