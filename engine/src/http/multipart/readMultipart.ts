import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { finished } from 'node:stream/promises';
import busboy from 'busboy';
import { BadRequestError } from '../../errors/index.js';
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
  /** A declared Content-Length above this is refused with `tooLarge()` before anything is read. */
  maxBodyBytes?: number;
  tooLarge?: () => Error;
  /** With more than `maxFiles` file parts: refuse the request with this error (default: ignore the extra ones). */
  tooManyFiles?: () => Error;
}

const notMultipart = (field: string) => new BadRequestError(`请以 multipart/form-data 格式上传文件，文件放在名为 ${field} 的字段中。`);
const broken = () => new BadRequestError('上传的内容不完整或格式不正确，请重新上传。');

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
    const file = path.join(await dir(), `part-${index}`);
    let size = 0;
    stream.on('data', (chunk: Buffer) => { size += chunk.length; });
    const out = createWriteStream(file, { mode: 0o600 });
    stream.pipe(out);
    await finished(out);
    return { size, bytes: () => fs.readFile(file), path: file };
  };
}

/**
 * Reads a multipart/form-data body (busboy): the file parts named `fileField` and the listed text
 * fields. The body is always read to its end; a malformed body is a 400 naming the field.
 */
export async function readMultipart(ctx: AppContext, options: MultipartOptions): Promise<MultipartBody> {
  const { fileField, maxFiles, maxFileBytes } = options;
  if (!ctx.is('multipart/form-data')) throw notMultipart(fileField);
  if (options.maxBodyBytes !== undefined && Number(ctx.get('Content-Length')) > options.maxBodyBytes) {
    throw options.tooLarge?.() ?? broken();
  }
  const accepted = new Set(options.fields ?? []);
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: ctx.req.headers, defParamCharset: 'utf8',
      limits: { files: maxFiles, fileSize: maxFileBytes + 1, fields: accepted.size + 10, parts: maxFiles + accepted.size + 20 } });
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
  const done = new Promise<void>((resolve, reject) => {
    parser.on('file', (name, stream, info) => {
      if (name !== fileField) { stream.resume(); return; }
      const filename = info.filename ?? '';
      const file = sink(stream, received.length).then(({ size, bytes, path: spooled }) =>
        ({ filename, size, tooLarge: size > maxFileBytes, bytes, ...(spooled ? { path: spooled } : {}) }));
      file.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
      received.push(file);
    });
    parser.on('field', (name, value) => { if (accepted.has(name) && !(name in fields)) fields[name] = value; });
    parser.on('filesLimit', () => { tooMany = true; });
    parser.on('error', () => reject(broken()));
    parser.on('close', resolve);
    pipeline(ctx.req, parser, (error) => { if (error) reject(broken()); });
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
