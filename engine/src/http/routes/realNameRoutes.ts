import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { contentDisposition, SecureRouter, type Access } from '../routing/index.js';
import { readUpload } from './fileRoutes.js';

const actorOf = (ctx: AppContext) => principalOf(ctx).actor;
/** The applicant's own routes: usable before approval (like the password change), that is their point. */
const APPLICANT: Access = { session: true, realName: false };
/** Reviewers are verified accounts; the service lets through only those holding a task of the application. */
const REVIEWER: Access = { session: true, realName: true };

/** `/api/real-name`: the form, its PDF, uploads, submission, and the reviewer's view. */
export function realNameRoutes(services: Services): SecureRouter {
  const { realName } = services;
  const routes = new SecureRouter(services, '/api');
  routes.get('/real-name', APPLICANT, async (ctx) => {
    ctx.body = await realName.mine(actorOf(ctx as AppContext));
  });
  routes.put('/real-name', APPLICANT, async (ctx) => {
    ctx.body = { application: await realName.save(actorOf(ctx as AppContext), ctx.request.body) };
  });
  routes.get('/real-name/pdf', APPLICANT, async (ctx) => {
    const principal = principalOf(ctx as AppContext);
    const { bytes, filename } = await realName.pdf(principal.actor, principal.org.name);
    ctx.body = bytes;
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', contentDisposition('attachment', filename, 'real-name-application'));
  });
  routes.post('/real-name/files', APPLICANT, async (ctx) => {
    const upload = await readUpload(ctx as AppContext);
    ctx.status = 201;
    ctx.body = await realName.upload(actorOf(ctx as AppContext), upload);
  });
  routes.post('/real-name/submit', APPLICANT, async (ctx) => {
    ctx.body = { application: await realName.submit(actorOf(ctx as AppContext), ctx.request.body) };
  });
  routes.get('/real-name/applications/:id', REVIEWER, async (ctx) => {
    ctx.body = { application: await realName.forReviewer(actorOf(ctx as AppContext), ctx.params.id!) };
  });
  routes.get('/real-name/applications/:id/files/:fileId', REVIEWER, async (ctx) => {
    const file = await realName.file(actorOf(ctx as AppContext), ctx.params.id!, ctx.params.fileId!);
    ctx.body = file.bytes;
    ctx.type = file.mediaType;
    ctx.set('Content-Disposition', contentDisposition('inline', file.filename, 'file'));
    ctx.set('X-Content-Type-Options', 'nosniff');
  });
  return routes;
}
