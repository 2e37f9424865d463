import { maskIdNumber } from '../../audit/index.js';
import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter, type Access } from '../routing/index.js';

const actorOf = (ctx: AppContext) => principalOf(ctx).actor;
/** Reading: the service checks the 人员调动 permissions of the side read, and that the reader is one of the two institutions or above them. */
const READ: Access = { session: true, realName: true };
/** 调入申请: applying, resubmitting after a send-back and withdrawing (the service also checks the applicant). */
const APPLY: Access = { permission: 'hr.transferApply' };

/** `/api/transfers`: transfer-in applications, the lists of both sides, one transfer with its history. */
export function transferRoutes(services: Services): SecureRouter {
  const { transfers } = services;
  const routes = new SecureRouter(services, '/api');
  routes.post('/transfers/lookup', APPLY, async (ctx) => {
    const actor = actorOf(ctx as AppContext);
    const person = await transfers.lookup(actor, ctx.request.body);
    // Who looked up whom, and learnt where the person works (any document number masked).
    await services.audit.record(actor, { action: 'transfer.lookup', details: { name: person.name, idNumber: maskIdNumber(person.idNumber), orgId: person.orgId } });
    ctx.body = { person };
  });
  routes.post('/transfers', APPLY, async (ctx) => {
    ctx.status = 201;
    ctx.body = { transfer: await transfers.create(actorOf(ctx as AppContext), ctx.request.body) };
  });
  routes.get('/transfers/in', READ, async (ctx) => {
    ctx.body = await transfers.list(actorOf(ctx as AppContext), 'in', ctx.query);
  });
  routes.get('/transfers/out', READ, async (ctx) => {
    ctx.body = await transfers.list(actorOf(ctx as AppContext), 'out', ctx.query);
  });
  routes.get('/transfers/:id', READ, async (ctx) => {
    ctx.body = { transfer: await transfers.get(actorOf(ctx as AppContext), ctx.params.id!) };
  });
  routes.post('/transfers/:id/resubmit', APPLY, async (ctx) => {
    ctx.body = { transfer: await transfers.resubmit(actorOf(ctx as AppContext), ctx.params.id!, ctx.request.body) };
  });
  routes.post('/transfers/:id/withdraw', APPLY, async (ctx) => {
    ctx.body = { transfer: await transfers.withdraw(actorOf(ctx as AppContext), ctx.params.id!) };
  });
  return routes;
}
