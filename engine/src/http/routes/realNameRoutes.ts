import { maskedChanges } from '../../audit/index.js';
import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter, sendDownload, type Access } from '../routing/index.js';
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
    const actor = actorOf(ctx as AppContext);
    const before = (await realName.mine(actor)).application;
    const application = await realName.save(actor, ctx.request.body);
    // The applicant's personal data, field by field (document numbers masked).
    await services.audit.record(actor, { action: 'realName.save', recordId: application.id,
      details: { changes: maskedChanges(before?.data ?? {}, application.data) } });
    ctx.body = { application };
  });
  routes.get('/real-name/pdf', APPLICANT, async (ctx) => {
    const principal = principalOf(ctx as AppContext);
    const { bytes, filename } = await realName.pdf(principal.actor, principal.org.name);
    sendDownload(ctx, { body: bytes, mediaType: 'application/pdf', filename, asciiFallback: 'real-name-application' });
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
    const actor = actorOf(ctx as AppContext);
    const application = await realName.forReviewer(actor, ctx.params.id!);
    await services.audit.record(actor, { action: 'realName.read', recordId: ctx.params.id! });
    ctx.body = { application };
  });
  routes.get('/real-name/applications/:id/files/:fileId', REVIEWER, async (ctx) => {
    const file = await realName.file(actorOf(ctx as AppContext), ctx.params.id!, ctx.params.fileId!);
    sendDownload(ctx, { body: file.bytes, mediaType: file.mediaType, filename: file.filename, asciiFallback: 'file' });
  });
  return routes;
}
