import { BadRequestError } from '../../errors/index.js';
import { fileTooLarge, MAX_FILE_BYTES } from '../../files/index.js';
import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { readMultipart } from '../multipart/index.js';
import { SecureRouter, sendDownload, type Access } from '../routing/index.js';

const actorOf = (ctx: AppContext) => principalOf(ctx).actor;
/** Any logged-in, real-name-verified user; the service applies org scope to every file. */
const ACCESS: Access = { session: true, realName: true };
/** Room for the multipart framing around a file of the largest size, when the length is declared. */
const FRAMING_ALLOWANCE = 64 * 1024;

/**
 * The one `file` part of a multipart body (declared oversize is refused before reading anything).
 * At most MAX_FILE_BYTES + 1 bytes are kept, so an oversized file shows as such and the service
 * refuses it. Other parts are ignored.
 */
export async function readUpload(ctx: AppContext): Promise<{ filename: string; bytes: Buffer }> {
  const body = await readMultipart(ctx, { fileField: 'file', maxFiles: 1, maxFileBytes: MAX_FILE_BYTES,
    maxBodyBytes: MAX_FILE_BYTES + FRAMING_ALLOWANCE, tooLarge: fileTooLarge });
  const [file] = body.files;
  if (!file) throw new BadRequestError('请选择要上传的文件（字段名 file）。', 'BAD_REQUEST', '/file');
  return { filename: file.filename, bytes: await file.bytes() };
}

/** `/api/files`: upload an attachment, read it back (audited), or its metadata (all within org scope). */
export function fileRoutes(services: Services): SecureRouter {
  const { files } = services;
  const routes = new SecureRouter(services, '/api');
  routes.post('/files', ACCESS, async (ctx) => {
    const upload = await readUpload(ctx as AppContext);
    ctx.status = 201;
    ctx.body = await files.upload(actorOf(ctx as AppContext), upload);
  });
  routes.get('/files/:id', ACCESS, async (ctx) => {
    const actor = actorOf(ctx as AppContext);
    const file = await files.open(actor, ctx.params.id!);
    // Attachments are ID card photos and certificates: each read is a read of personal data.
    await services.audit.record(actor, { action: 'file.read', recordId: ctx.params.id!, details: { mediaType: file.mediaType } });
    sendDownload(ctx, { body: file.bytes, mediaType: file.mediaType, filename: file.filename, asciiFallback: 'file' });
  });
  routes.get('/files/:id/meta', ACCESS, async (ctx) => {
    ctx.body = await files.describe(actorOf(ctx as AppContext), ctx.params.id!);
  });
  return routes;
}
