import type { Readable } from 'node:stream';
import type { Context } from 'koa';
import { contentDisposition } from './contentDisposition.js';

/** The media type of .xlsx workbooks (import templates, exports, error reports). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file answered to a download request: an upload read back, or a generated PDF or workbook. */
export interface Download {
  body: Buffer | Readable;
  /** The stored (sniffed) or generated type, never the client's word. */
  mediaType: string;
  /** The sanitised name (`filename*`, UTF-8). */
  filename: string;
  /** The ASCII name for old clients, without extension (the filename's is added). */
  asciiFallback: string;
}

/**
 * Every file the API serves goes out the same way: its real type, as an attachment (a browser
 * saves it rather than rendering it in the application's origin; `<img>` still shows images),
 * never sniffed, never cached, sandboxed. The route has checked permission and scope before.
 */
export function sendDownload(ctx: Context, download: Download): void {
  ctx.type = download.mediaType;
  ctx.set('Content-Disposition', contentDisposition('attachment', download.filename, download.asciiFallback));
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'no-store');
  // Were it opened anyway (an old browser, a PDF viewer): no script, no plug-in, no framing.
  ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'");
  ctx.body = download.body;
}
