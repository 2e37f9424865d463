import fs from 'node:fs/promises';
import path from 'node:path';
import { requireEditable } from '../../designer/kindPolicy.js';
import { DICTIONARY_READ_LIMITS, readDictionaryWorkbook, writeDictionaryWorkbook, type DictionaryItemContent } from '../../designer/dictionaryXlsx/index.js';
import { NotFoundError, ValidationError } from '../../errors/index.js';
import { UnsafeFileError } from '../../excel/index.js';
import { presentSchema } from '../../schema/index.js';
import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter } from '../routing/index.js';
import { receiveWorkbook } from './importUpload.js';
import { sendWorkbook } from './importRoutes.js';

/** Every designer route checks the kind itself (kindPolicy): the grant depends on the kind, not on one permission. */
const DESIGNER = { session: true, realName: false } as const;

interface DictionaryContent { key: string; title: string; items: DictionaryItemContent[] }

/**
 * The designer's dictionary files and entity preview:
 * - `GET /api/designer/dictionaries/:key/export.xlsx[?from=<version>|draft]` the items of the draft, else of the version in force;
 * - `POST /api/designer/dictionaries/:key/import` (multipart `file`) → `{items, problems}`, the items read and checked
 *   (nothing is stored: the designer puts them into the draft);
 * - `POST /api/designer/entities/preview` `{schema}` → `{schema}` as the runtime serves it (dictionary options added),
 *   so the designer's preview renders a draft exactly as users would get it.
 */
export function designerDictionaryRoutes(services: Services): SecureRouter {
  const { registry, config, designer } = services;
  /** `from`: a version, `draft`, or by default the draft when there is one, else the version in force. */
  const exportedContent = async (key: string, from: string | undefined): Promise<{ content: DictionaryContent; label: string }> => {
    const inForce = registry.get('dictionary', key);
    if (from === undefined) {
      try {
        return { content: await designer.catalog.contentAt('dictionary', key, 'draft') as unknown as DictionaryContent, label: '草稿' };
      } catch (error) {
        if (!(error instanceof NotFoundError) || !inForce) throw error instanceof NotFoundError ? new NotFoundError('没有这个字典。') : error;
        return { content: inForce.content as unknown as DictionaryContent, label: `第${inForce.version}版` };
      }
    }
    const content = await designer.catalog.contentAt('dictionary', key, from) as unknown as DictionaryContent;
    return { content, label: from === 'draft' ? '草稿' : `第${from}版` };
  };
  const routes = new SecureRouter(services, '/api/designer');
  const actorOf = (ctx: AppContext) => principalOf(ctx).actor;

  routes.get('/dictionaries/:key/export.xlsx', DESIGNER, async (ctx) => {
    requireEditable(actorOf(ctx as AppContext), 'dictionary');
    const key = ctx.params.key!;
    const { content, label } = await exportedContent(key, typeof ctx.query.from === 'string' ? ctx.query.from : undefined);
    sendWorkbook(ctx as AppContext, { filename: `${content.title}（${key} ${label}）.xlsx`,
      write: (out) => writeDictionaryWorkbook(out, content.title, Array.isArray(content.items) ? content.items : []) });
  });

  routes.post('/dictionaries/:key/import', DESIGNER, async (ctx) => {
    requireEditable(actorOf(ctx as AppContext), 'dictionary');
    const upload = await receiveWorkbook(ctx as AppContext, path.join(config.dataDir, 'imports'), DICTIONARY_READ_LIMITS.maxBytes);
    try {
      ctx.body = await readDictionaryWorkbook(upload.file);
    } catch (error) {
      if (error instanceof UnsafeFileError) throw new ValidationError([{ code: 'UNSAFE_FILE', path: '/file', message: error.message }]);
      throw error;
    } finally {
      await fs.rm(upload.file, { force: true });
    }
  });

  routes.post('/entities/preview', DESIGNER, (ctx) => {
    requireEditable(actorOf(ctx as AppContext), 'entity');
    const schema = (ctx.request.body as { schema?: unknown } | undefined)?.schema;
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
      throw new ValidationError([{ code: 'INVALID', path: '/schema', message: '请提供要预览的表单结构（schema）。' }]);
    }
    try {
      ctx.body = { schema: presentSchema(schema as Record<string, unknown>, registry) };
    } catch (error) {
      // A half-typed draft (e.g. a property that is not an object) cannot be presented; its problems say why.
      if (!(error instanceof TypeError)) throw error;
      throw new ValidationError([{ code: 'INVALID', path: '/schema', message: '表单结构有误，暂时无法预览。请按问题提示修改后再看预览。' }]);
    }
  });
  return routes;
}
