import { inflateSync } from 'node:zlib';
import { ValidationError } from '../../errors/index.js';

/** Dictionary keys of active or embedded content: scripts, actions that start programs, attached files, rich media, forms with scripts. */
const ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)(?![A-Za-z0-9_.-])/;
/** A compressed object stream (PDF 1.5+), where dictionaries may hide from a scan of the raw bytes. */
const OBJECT_STREAM = /\/Type\s*\/ObjStm\b[^]*?stream\r?\n/g;
/** Most a scan inflates in all (a compression bomb stops here, and the file is refused as unverifiable). */
const MAX_INFLATED = 64 * 1024 * 1024;

const refused = () => new ValidationError([{ code: 'PDF_ACTIVE_CONTENT', path: '/file',
  message: 'PDF 文件含有脚本、自动执行的动作或嵌入的附件，系统不接受：请用扫描或"打印为 PDF"重新生成一份普通的 PDF 后再上传。' }]);

/** `#xx` escapes in names (`/J#61vaScript` is `/JavaScript`). */
const unescapeNames = (text: string) => text.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The decompressed contents of the object streams (FlateDecode; others are skipped). */
function objectStreams(text: string, bytes: Buffer): string[] {
  const found: string[] = [];
  let budget = MAX_INFLATED;
  for (const match of text.matchAll(OBJECT_STREAM)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      const inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: budget });
      budget -= inflated.length;
      found.push(inflated.toString('latin1'));
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw refused();
    }
  }
  return found;
}

/**
 * Refuses a PDF that carries JavaScript, launch actions, embedded files, rich media or XFA forms
 * (certificates and scans need none of them). The raw bytes are scanned, with name escapes undone,
 * and so are the decompressed object streams. The file's signature and `%%EOF` are checked by
 * sniff.ts, its size by the service; the bytes are stored as uploaded.
 */
export function checkPdf(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  if ([text, ...objectStreams(text, bytes)].some((part) => ACTIVE.test(unescapeNames(part)))) throw refused();
  return bytes;
}
