import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter, sendDownload, XLSX, type Access } from '../routing/index.js';

const actorOf = (ctx: AppContext) => principalOf(ctx).actor;
/**
 * Any logged-in, real-name-verified user: `JobQueries` decides per job (人员信息导入管理 sees the
 * organisation's import jobs, an importing account its own, anyone else 403; org scope always).
 */
const ACCESS: Access = { session: true, realName: true };

/** `/api/imports/jobs`: import jobs of the user's organisation, one job, and its error report. */
export function jobRoutes(services: Services): SecureRouter {
  const { jobQueries, audit } = services;
  const routes = new SecureRouter(services, '/api/imports');
  routes.get('/jobs', ACCESS, async (ctx) => {
    ctx.body = await jobQueries.list(actorOf(ctx as AppContext), ctx.query);
  });
  routes.get('/jobs/:id', ACCESS, async (ctx) => {
    ctx.body = { job: await jobQueries.get(actorOf(ctx as AppContext), ctx.params.id!) };
  });
  routes.get('/jobs/:id/error-report', ACCESS, async (ctx) => {
    const actor = actorOf(ctx as AppContext);
    const report = await jobQueries.errorReport(actor, ctx.params.id!);
    await audit.record(actor, { action: 'importReport.export', recordId: ctx.params.id!, details: { filename: report.filename } });
    sendDownload(ctx, { body: report.stream, mediaType: XLSX, filename: report.filename, asciiFallback: 'error-report' });
  });
  return routes;
}
