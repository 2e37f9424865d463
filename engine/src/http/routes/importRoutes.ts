import path from 'node:path';
import { PassThrough } from 'node:stream';
import { DEFAULT_READ_LIMITS } from '../../excel/index.js';
import type { WorkbookDownload } from '../../imports/index.js';
import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { contentDisposition, SecureRouter } from '../routing/index.js';
import { receiveWorkbook } from './importUpload.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streams a generated workbook as a download. */
export function sendWorkbook(ctx: AppContext, download: WorkbookDownload): void {
  const out = new PassThrough();
  ctx.set('Content-Disposition', contentDisposition('attachment', download.filename, 'workbook'));
  ctx.type = XLSX;
  ctx.body = out;
  download.write(out).catch((error: unknown) => out.destroy(error as Error));
}

/**
 * `/api/imports/:entity` (template, upload) and `/api/exports/:entity` (R-11). The jobs'
 * routes are `jobRoutes`.
 */
export function importRoutes(services: Services): SecureRouter {
  const { imports, config } = services;
  const actorOf = (ctx: AppContext) => principalOf(ctx).actor;
  const uploads = path.join(config.dataDir, 'imports');
  const routes = new SecureRouter(services);
  routes.get('/api/imports/:entity/template', { entity: 'import' }, async (ctx) => {
    sendWorkbook(ctx as AppContext, await imports.template(actorOf(ctx as AppContext), ctx.params.entity!));
  });
  routes.post('/api/imports/:entity', { entity: 'import' }, async (ctx) => {
    const actor = actorOf(ctx as AppContext);
    imports.layoutFor(actor, ctx.params.entity!, 'import');
    const upload = await receiveWorkbook(ctx as AppContext, uploads, DEFAULT_READ_LIMITS.maxBytes);
    const { job, finished } = await imports.start(actor, ctx.params.entity!, upload.file, upload.overwrite);
    ctx.status = finished ? 200 : 202;
    ctx.body = { job };
  });
  routes.get('/api/exports/:entity', { entity: 'export' }, async (ctx) => {
    sendWorkbook(ctx as AppContext, await imports.export(actorOf(ctx as AppContext), ctx.params.entity!, ctx.query));
  });
  return routes;
}
