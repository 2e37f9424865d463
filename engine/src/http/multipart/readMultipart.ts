import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { BadRequestError, PayloadTooLargeError } from '../../errors/index.js';
import type { AppContext } from '../context.js';

/** One file part as received. At most `maxFileBytes + 1` bytes are kept, so `tooLarge` shows an oversized file. */
export interface ReceivedFile {
  /** The name the client sent (read as UTF-8, what browsers send, without any directory). */
  filename: string;
  size: number;
  tooLarge: boolean;
  bytes(): Promise<Buffer>;
  /** Where a disk-spooled file waits (until `dispose`); undefined in memory. */
  path?: string;
}

export interface MultipartBody {
  files: ReceivedFile[];
  /** The first value of each accepted text field. */
  fields: Record<string, string>;
  /** Removes what was spooled to disk; call when done (memory bodies need nothing). */
  dispose(): Promise<void>;
}

export interface MultipartOptions {
  /** The name of the file parts (`file`); file parts under other names are read and dropped. */
  fileField: string;
  maxFiles: number;
  maxFileBytes: number;
  /** Text fields to keep; others are ignored. */
  fields?: readonly string[];
  /** Where files wait until the caller reads them: memory (one small file) or a temporary directory (many). */
  spool?: 'memory' | 'disk';
  /**
   * The largest body: a declared Content-Length above it is refused before anything is read, and
   * a body that grows past it while streaming (chunked) is cut off there. Default: room for
   * `maxFiles` files of `maxFileBytes` with their framing.
   */
  maxBodyBytes?: number;
  tooLarge?: () => Error;
  /** With more than `maxFiles` file parts: refuse the request with this error (default: ignore the extra ones). */
  tooManyFiles?: () => Error;
}

/** Room for one part's headers and boundary, and for the text fields of a form. */
const PART_ALLOWANCE = 64 * 1024;
const MAX_FIELD_BYTES = 4096;

const notMultipart = (field: string) => new BadRequestError(`请以 multipart/form-data 格式上传文件，文件放在名为 ${field} 的字段中。`);
const broken = () => new BadRequestError('上传的内容不完整或格式不正确，请重新上传。');
const tooLargeBody = (maxBytes: number) => () => new PayloadTooLargeError(
  `上传的内容超过 ${Math.ceil(maxBytes / 1024 / 1024)} MB：请压缩或缩小文件，或分几次上传。`);
const tooManyParts = () => new PayloadTooLargeError('上传的表单包含的字段过多：请只选择要上传的文件后重新提交。');

/** Most of a refused body read (and thrown away) after the answer, so that the client can read it; then the connection is cut. */
const MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

/**
 * After a refusal before the body's end: the rest is read and thrown away (a connection closed on
 * unread data is reset, and the client would never see the 413), up to MAX_DISCARDED_BYTES.
 */
function discardRest(ctx: AppContext): void {
  const request = ctx.req;
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) request.socket.destroy();
  });
  request.resume();
}

/** Receives one file part into memory or a temporary file. */
type Sink = (stream: NodeJS.ReadableStream, index: number) => Promise<{ size: number; bytes(): Promise<Buffer>; path?: string }>;

async function memorySink(stream: NodeJS.ReadableStream) {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await finished(stream);
  const bytes = Buffer.concat(chunks);
  return { size: bytes.length, bytes: async () => bytes };
}

function diskSink(dir: () => Promise<string>): Sink {
  return async (stream, index) => {
    // Cut short while the directory is being made (a truncated body): an error nobody listened to would end the process.
    stream.on('error', () => undefined);
    const file = path.join(await dir(), `part-${index}`);
    let size = 0;
    stream.on('data', (chunk: Buffer) => { size += chunk.length; });
    // pipeline, not pipe: a part cut short (a truncated body) closes the file and rejects.
    await pipeline(stream, createWriteStream(file, { mode: 0o600 }));
    return { size, bytes: () => fs.readFile(file), path: file };
  };
}

/**
 * Reads a multipart/form-data body (busboy): the file parts named `fileField` and the listed text
 * fields. A malformed or truncated body is a 400; one larger than `maxBodyBytes` (declared or
 * streamed) or with too many parts a 413, answered at once, without storing the rest. Whatever
 * was spooled is removed on every failure.
 */
export async function readMultipart(ctx: AppContext, options: MultipartOptions): Promise<MultipartBody> {
  const { fileField, maxFiles, maxFileBytes } = options;
  const maxBodyBytes = options.maxBodyBytes ?? maxFiles * (maxFileBytes + PART_ALLOWANCE) + PART_ALLOWANCE;
  const tooLarge = options.tooLarge ?? tooLargeBody(maxBodyBytes);
  if (!ctx.is('multipart/form-data')) throw notMultipart(fileField);
  if (Number(ctx.get('Content-Length')) > maxBodyBytes) {
    discardRest(ctx);
    throw tooLarge();
  }
  const accepted = new Set(options.fields ?? []);
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: ctx.req.headers, defParamCharset: 'utf8', limits: { files: maxFiles, fileSize: maxFileBytes + 1,
      fields: accepted.size + 10, fieldSize: MAX_FIELD_BYTES, parts: maxFiles + accepted.size + 20 } });
  } catch {
    throw notMultipart(fileField); // no boundary
  }
  let tempDir: Promise<string> | undefined;
  const makeDir = () => (tempDir ??= fs.mkdtemp(path.join(os.tmpdir(), 'upload-')));
  const sink: Sink = options.spool === 'disk' ? diskSink(makeDir) : memorySink;
  const dispose = async () => { if (tempDir) await fs.rm(await tempDir, { recursive: true, force: true }); };

  const received: Array<Promise<ReceivedFile>> = [];
  const fields: Record<string, string> = {};
  let tooMany = false;
  const request = ctx.req;
  const done = new Promise<void>((resolve, reject) => {
    /** Stops reading: the parser (and the parts it is writing) end, the rest of the body stays unread. */
    const stop = (error: Error) => {
      reject(error);
      request.unpipe(parser);
      request.removeListener('data', count);
      parser.destroy();
    };
    /** Refuses before the body ends: the answer goes out at once, the rest of the body is discarded. */
    const refuse = (error: Error) => { stop(error); discardRest(ctx); };
    let bytes = 0;
    const count = (chunk: Buffer) => { bytes += chunk.length; if (bytes > maxBodyBytes) refuse(tooLarge()); };
    parser.on('file', (name, stream, info) => {
      if (name !== fileField) { stream.on('error', () => undefined).resume(); return; }
      const filename = info.filename ?? '';
      const file = sink(stream, received.length).then(({ size, bytes: read, path: spooled }) =>
        ({ filename, size, tooLarge: size > maxFileBytes, bytes: read, ...(spooled ? { path: spooled } : {}) }));
      file.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
      received.push(file);
    });
    parser.on('field', (name, value) => { if (accepted.has(name) && !(name in fields)) fields[name] = value; });
    parser.on('filesLimit', () => { tooMany = true; });
    parser.on('partsLimit', () => refuse(tooManyParts()));
    parser.on('fieldsLimit', () => refuse(tooManyParts()));
    parser.on('error', () => stop(broken()));
    parser.on('close', resolve);
    request.on('data', count);
    request.on('error', () => stop(broken()));
    request.on('close', () => { if (!request.complete) stop(broken()); }); // the client went away mid-body
    request.pipe(parser);
  });
  try {
    await done;
    const files = await Promise.all(received);
    if (tooMany && options.tooManyFiles) throw options.tooManyFiles();
    return { files, fields, dispose };
  } catch (error) {
    await Promise.allSettled(received);
    await dispose();
    throw error;
  }
}
