import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../files/index.js';
import { HttpClient, PNG_1X1, testDatabases, until, useTestEngine } from '../../testing/index.js';

// Uploads spool under os.tmpdir(): a directory of this file's own, so other runs cannot blur what is left behind.
const previousTmp = process.env.TMPDIR;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'multipart-limits-'));
process.env.TMPDIR = tmp;
afterAll(() => {
  process.env.TMPDIR = previousTmp;
  fs.rmSync(tmp, { recursive: true, force: true });
});

const BOUNDARY = 'limits-boundary';
const BATCH = '/api/attachment-batches/probation/files';
const partHead = (name: string, filename?: string) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"`
  + `${filename ? `; filename="${filename}"\r\nContent-Type: image/png` : ''}\r\n\r\n`);
const closing = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

interface RawAnswer { status: number; head: string; body: string }

describe.each(testDatabases())('multipart limits over a raw connection (%s)', (_name, makeDatabase) => {
  const ctx = useTestEngine(makeDatabase);
  let renmin: HttpClient;

  /** What temporary or stored files exist: upload spools in TMPDIR, the engine's stored files and imports. */
  const leftovers = () => {
    const walk = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [])
      .map((entry) => path.join(dir, entry));
    const { dataDir } = ctx.engine.engine.config;
    return [...fs.readdirSync(tmp).filter((entry) => entry.startsWith('upload-')), ...walk(path.join(dataDir, 'files')), ...walk(path.join(dataDir, 'imports'))];
  };

  /**
   * A POST written by hand: `send` writes the body (and may stop half-way); the answer is read
   * until the server closes or answers completely.
   */
  async function raw(url: string, headers: Record<string, string>, send: (socket: net.Socket, answered: () => boolean) => Promise<void>,
  ): Promise<RawAnswer | undefined> {
    const socket = net.connect(Number(new URL(ctx.engine.baseUrl).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const chunks: Buffer[] = [];
    let closed = false;
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined); // a write after the server closed: EPIPE/ECONNRESET
    const done = new Promise((resolve) => socket.once('close', () => { closed = true; resolve(undefined); }));
    const lines = Object.entries({ Host: 'localhost', Cookie: renmin.cookieHeader(), 'X-CSRF-Token': renmin.csrfToken!,
      'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers }).map(([k, v]) => `${k}: ${v}`);
    socket.write(`POST ${url} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
    await send(socket, () => chunks.length > 0 || closed);
    await Promise.race([done, until(() => /\r\n\r\n/.test(Buffer.concat(chunks).toString('latin1')) && complete(chunks))]);
    socket.destroy();
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return undefined;
    const [head = '', body = ''] = text.split('\r\n\r\n');
    return { status: Number(head.split(' ')[1]), head, body };
  }
  const complete = (chunks: Buffer[]) => {
    const text = Buffer.concat(chunks).toString('utf8');
    const length = /content-length: (\d+)/i.exec(text)?.[1];
    return length !== undefined && Buffer.byteLength(text.split('\r\n\r\n').slice(1).join('\r\n\r\n')) >= Number(length);
  };
  const json = (answer: RawAnswer | undefined) => JSON.parse(answer!.body) as { errors: Array<{ code: string; message: string }> };

  beforeAll(async () => {
    renmin = ctx.engine.client();
    await renmin.firstLogin('jarmyy001');
  });

  it('refuses a declared oversized body with 413 before reading it', async () => {
    const answer = await raw('/api/files', { 'Content-Length': String(50 * 1024 * 1024) }, async (socket) => {
      socket.write(partHead('file', 'big.png'));
    });
    expect(answer?.status).toBe(413);
    expect(json(answer).errors[0]).toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('10 MB') });
  });

  it('cuts off a chunked body once it grows past the limit: 413 before the client has sent it all', async () => {
    let written = 0;
    const answer = await raw('/api/files', { 'Transfer-Encoding': 'chunked' }, async (socket, answered) => {
      const chunk = Buffer.alloc(256 * 1024, 0x41);
      const frame = (bytes: Buffer) => Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
      socket.write(frame(partHead('file', 'big.png')));
      while (!answered() && written < 4 * MAX_FILE_BYTES) {
        written += chunk.length;
        if (!socket.write(frame(chunk))) await Promise.race([new Promise((r) => socket.once('drain', r)), until(answered)]);
      }
    });
    expect(answer?.status).toBe(413);
    expect(json(answer).errors[0]!.code).toBe('TOO_LARGE');
    expect(written).toBeLessThan(4 * MAX_FILE_BYTES);
  });

  it('answers 400 to a body that ends before the form does, and leaves no spooled file behind', async () => {
    const before = leftovers();
    const answer = await raw(BATCH, { 'Transfer-Encoding': 'chunked' }, async (socket) => {
      const half = Buffer.concat([partHead('file', 'H10000001.png'), PNG_1X1.subarray(0, 40)]);
      socket.write(`${half.length.toString(16)}\r\n`);
      socket.write(half);
      socket.write('\r\n0\r\n\r\n'); // the request ends properly; the multipart form does not
    });
    expect(answer?.status).toBe(400);
    expect(json(answer).errors[0]!.message).toContain('不完整');
    expect(leftovers()).toEqual(before);
  });

  it('removes what was spooled when the client goes away mid-body, and keeps serving', async () => {
    const before = leftovers();
    await raw(BATCH, { 'Content-Length': String(1024 * 1024) }, async (socket) => {
      socket.write(Buffer.concat([partHead('file', 'H10000001.png'), Buffer.alloc(64 * 1024, 0x42)]));
      await until(() => leftovers().length > before.length); // the server is spooling the part to disk
      socket.destroy();
    });
    await until(() => leftovers().length === before.length);
    expect(leftovers()).toEqual(before);
    expect((await renmin.get('/api/health')).status).toBe(200);
    expect((await renmin.upload('/api/files', '照片.png', PNG_1X1)).status).toBe(201);
  });

  it('refuses a form with too many fields with 413', async () => {
    const fields = Array.from({ length: 30 }, (_, i) => Buffer.concat([partHead(`f${i}`), Buffer.from('x\r\n')]));
    const body = Buffer.concat([...fields, partHead('file', 'a.png'), PNG_1X1, closing]);
    const answer = await raw('/api/files', { 'Content-Length': String(body.length) }, async (socket) => { socket.write(body); });
    expect(answer?.status).toBe(413);
    expect(json(answer).errors[0]!.message).toContain('字段过多');
  });
});
