import path from 'node:path';
import { PassThrough } from 'node:stream';
import { DEFAULT_READ_LIMITS } from '../../excel/index.js';
import type { WorkbookDownload } from '../../imports/index.js';
import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter, sendDownload, XLSX } from '../routing/index.js';
import { receiveWorkbook } from './importUpload.js';


/** Streams a generated workbook as a download. */
export function sendWorkbook(ctx: AppContext, download: WorkbookDownload): void {
  const out = new PassThrough();
  sendDownload(ctx, { body: out, mediaType: XLSX, filename: download.filename, asciiFallback: 'workbook' });
  download.write(out).catch((error: unknown) => out.destroy(error as Error));
}

/**
 * `/api/imports/:entity` (template, upload) and `/api/exports/:entity` (R-11). The jobs'
 * routes are `jobRoutes`.
 */
export function importRoutes(services: Services): SecureRouter {
  const { imports, config, audit } = services;
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
    const actor = actorOf(ctx as AppContext);
    const download = await imports.export(actor, ctx.params.entity!, ctx.query);
    await audit.record(actor, { action: 'record.export', entity: ctx.params.entity!, details: { query: ctx.query } });
    sendWorkbook(ctx as AppContext, download);
  });
  return routes;
}
