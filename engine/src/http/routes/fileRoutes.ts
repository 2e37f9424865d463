import { pipeline } from 'node:stream';
import busboy from 'busboy';
import { BadRequestError } from '../../errors/index.js';
import { fileTooLarge, MAX_FILE_BYTES } from '../../files/index.js';
import type { AppContext, Services } from '../context.js';
import { principalOf } from '../middleware/guards.js';
import { SecureRouter, type Access } from '../routing/index.js';

const actorOf = (ctx: AppContext) => principalOf(ctx).actor;
/** Any logged-in, real-name-verified user; the service applies org scope to every file. */
const ACCESS: Access = { session: true, realName: true };
/** Room for the multipart framing around a file of the largest size, when the length is declared. */
const FRAMING_ALLOWANCE = 64 * 1024;

const notMultipart = () => new BadRequestError('请以 multipart/form-data 格式上传文件，文件放在名为 file 的字段中。');

interface Upload { filename: string; bytes: Buffer }

/** A parser for a multipart body of one file (declared oversize is refused before reading anything). */
function multipartParser(ctx: AppContext): busboy.Busboy {
  if (!ctx.is('multipart/form-data')) throw notMultipart();
  if (Number(ctx.get('Content-Length')) > MAX_FILE_BYTES + FRAMING_ALLOWANCE) throw fileTooLarge();
  try {
    return busboy({ headers: ctx.req.headers, defParamCharset: 'utf8',
      limits: { files: 1, fileSize: MAX_FILE_BYTES + 1, fields: 0, parts: 20 } });
  } catch {
    throw notMultipart(); // no boundary
  }
}

/**
 * The one `file` part of a multipart body. At most MAX_FILE_BYTES + 1 bytes are kept (the rest is
 * read and dropped), so an oversized file shows as such and the service refuses it. Other parts
 * are ignored; file names are read as UTF-8 (what browsers send), with any path removed.
 */
function readUpload(ctx: AppContext): Promise<Upload> {
  const parser = multipartParser(ctx);
  return new Promise((resolve, reject) => {
    let found: { filename: string; chunks: Buffer[] } | undefined;
    let failed = false;
    const fail = () => {
      failed = true;
      reject(new BadRequestError('上传的内容不完整或格式不正确，请重新上传。'));
    };
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || found) { stream.resume(); return; }
      const current = { filename: info.filename ?? '', chunks: [] as Buffer[] };
      found = current;
      stream.on('data', (chunk: Buffer) => current.chunks.push(chunk));
    });
    parser.on('error', fail);
    parser.on('close', () => {
      if (failed) return;
      if (found) resolve({ filename: found.filename, bytes: Buffer.concat(found.chunks) });
      else reject(new BadRequestError('请选择要上传的文件（字段名 file）。', 'BAD_REQUEST', '/file'));
    });
    pipeline(ctx.req, parser, (error) => { if (error) fail(); });
  });
}

/** RFC 8187 encoding of a header parameter value (`filename*=UTF-8''…`). */
const encodeParameter = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `/api/files`: upload an attachment, read it back, or its metadata (all within org scope). */
export function fileRoutes(services: Services): SecureRouter {
  const { files } = services;
  const routes = new SecureRouter(services, '/api');
  routes.post('/files', ACCESS, async (ctx) => {
    const upload = await readUpload(ctx as AppContext);
    ctx.status = 201;
    ctx.body = await files.upload(actorOf(ctx as AppContext), upload);
  });
  routes.get('/files/:id', ACCESS, async (ctx) => {
    const file = await files.open(actorOf(ctx as AppContext), ctx.params.id!);
    ctx.body = file.bytes;
    ctx.type = file.mediaType;
    ctx.set('Content-Disposition', `inline; filename*=UTF-8''${encodeParameter(file.filename)}`);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', 'private, no-store'); // securityHeaders then sets plain `no-store` on every /api answer
  });
  routes.get('/files/:id/meta', ACCESS, async (ctx) => {
    ctx.body = await files.describe(actorOf(ctx as AppContext), ctx.params.id!);
  });
  return routes;
}
