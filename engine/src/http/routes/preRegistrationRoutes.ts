import { preRegistrationPermissions as P } from '../../preRegistration/index.js';
import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter } from '../routing/index.js';
import { sendWorkbook } from './importRoutes.js';

const actorOf = (ctx: AppContext) => principalOf(ctx).actor;

/**
 * `/api/pre-registration` (R-8.1): the institution's candidates and submissions (预报名上报), one
 * batch for its institution and the bureaus above (the district's review task shows it), and the
 * bureaus' accepted lists with their export (预报名审核结果).
 */
export function preRegistrationRoutes(services: Services): SecureRouter {
  const { preRegistration, acceptedLists } = services;
  const routes = new SecureRouter(services, '/api/pre-registration');
  routes.get('/:year/candidates', { permission: P.candidates }, async (ctx) => {
    ctx.body = await preRegistration.candidates(actorOf(ctx as AppContext), ctx.params.year);
  });
  routes.post('/:year/submissions', { permission: P.submit }, async (ctx) => {
    ctx.status = 201;
    ctx.body = { submission: await preRegistration.submit(actorOf(ctx as AppContext), ctx.params.year, ctx.request.body) };
  });
  routes.post('/submissions/:id/withdraw', { permission: P.submit }, async (ctx) => {
    ctx.body = { submission: await preRegistration.withdraw(actorOf(ctx as AppContext), ctx.params.id!) };
  });
  // The service decides: the batch's own institution, or a bureau above it; anyone else 404.
  routes.get('/submissions/:id', { session: true, realName: true }, async (ctx) => {
    const actor = actorOf(ctx as AppContext);
    const submission = await preRegistration.submission(actor, ctx.params.id!);
    // The candidates' data as submitted: a read of several persons' records.
    await services.audit.record(actor, { action: 'preRegistration.read', recordId: ctx.params.id! });
    ctx.body = submission;
  });
  routes.get('/:year/accepted', { permission: P.accepted }, async (ctx) => {
    ctx.body = await acceptedLists.list(actorOf(ctx as AppContext), ctx.params.year, ctx.query);
  });
  routes.get('/:year/accepted/export', { permission: P.export }, async (ctx) => {
    const actor = actorOf(ctx as AppContext);
    const download = await acceptedLists.export(actor, ctx.params.year, ctx.query);
    await services.audit.record(actor, { action: 'preRegistration.export', details: { year: ctx.params.year, query: ctx.query } });
    sendWorkbook(ctx as AppContext, download);
  });
  return routes;
}
