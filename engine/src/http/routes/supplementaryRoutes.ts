import { MAX_FILE_BYTES } from '../../files/index.js';
import { MAX_BATCH_FILES } from '../../supplementary/index.js';
import { BadRequestError } from '../../errors/index.js';
import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { readMultipart } from '../multipart/index.js';
import { SecureRouter } from '../routing/index.js';

const actorOf = (ctx: AppContext) => principalOf(ctx).actor;
const yearOf = (ctx: AppContext) => (typeof ctx.query.examYear === 'string' ? ctx.query.examYear : undefined);
const tooManyFiles = () => new BadRequestError(`一次最多上传 ${MAX_BATCH_FILES} 个文件，请分批上传。`, 'TOO_MANY_FILES', '/file');

/**
 * `/api/attachment-batches/:entity` (批量导入附件信息, R-7.4): who needs the attachment, many files
 * at once (spooled to a temporary directory, then matched one by one), and removal per person.
 */
export function supplementaryRoutes(services: Services): SecureRouter {
  const { attachmentBatches } = services;
  const routes = new SecureRouter(services, '/api/attachment-batches');
  routes.get('/:entity', { entity: 'update' }, async (ctx) => {
    ctx.body = await attachmentBatches.list(actorOf(ctx as AppContext), ctx.params.entity!, ctx.query);
  });
  routes.post('/:entity/files', { entity: 'update' }, async (ctx) => {
    attachmentBatches.assertUsable(actorOf(ctx as AppContext), ctx.params.entity!);
    const body = await readMultipart(ctx as AppContext, { fileField: 'file', maxFiles: MAX_BATCH_FILES, maxFileBytes: MAX_FILE_BYTES,
      fields: ['examYear'], spool: 'disk', tooManyFiles });
    try {
      ctx.body = await attachmentBatches.upload(actorOf(ctx as AppContext), ctx.params.entity!, body.fields.examYear, body.files);
    } finally {
      await body.dispose();
    }
  });
  routes.delete('/:entity/:personId', { entity: 'update' }, async (ctx) => {
    await attachmentBatches.clear(actorOf(ctx as AppContext), ctx.params.entity!, ctx.params.personId!, yearOf(ctx as AppContext));
    ctx.status = 204;
  });
  return routes;
}
