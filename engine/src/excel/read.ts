import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { guardXlsx } from './guard.js';
import { scanRows } from './scan.js';
import { TooManyStringsError } from './xml.js';
import { DEFAULT_READ_LIMITS, TemplateMismatchError, UnsafeFileError, type ImportLayout, type ReadLimits, type SheetRow } from './types.js';
import { decodeRows, type WorkerInput, type WorkerMessage } from './workerProtocol.js';

/** Heap of a reader worker: beyond it the worker (not the engine) stops, and the upload is refused. */
const WORKER_HEAP_MB = 512;
const DEFAULT_CHUNK = 500;
const UNREADABLE = '无法读取文件内容：文件可能已损坏，或不是用 Excel 保存的 .xlsx 文件。请在 Excel 中打开并重新保存后再导入。';
const OUT_OF_MEMORY = '文件内容过多，读取时超出了内存上限。请把数据分成几个文件分别导入。';

/** The reader worker's code, bundled once per process when the engine runs from TypeScript. */
let bundled: Promise<string> | undefined;

/**
 * When the engine runs from TypeScript (tsx or vitest), `readerWorker.ts` and what it imports are
 * bundled once into plain JavaScript with esbuild (the compiler tsx itself uses): a worker that
 * registered tsx instead cost ~240 ms and ~40 MB per import to start, against ~30 ms and ~8 MB.
 * Compiled JavaScript loads `readerWorker.js` directly.
 */
async function startWorker(input: WorkerInput): Promise<Worker> {
  const options = { workerData: input, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./readerWorker.js', import.meta.url), options);
  bundled ??= import('esbuild').then(({ build }) => build({
    entryPoints: [fileURLToPath(new URL('./readerWorker.ts', import.meta.url))],
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent',
  })).then((result) => result.outputFiles[0]!.text, (error: unknown) => { bundled = undefined; throw error; });
  return new Worker(await bundled, { ...options, eval: true });
}

function workerError(message: Extract<WorkerMessage, { type: 'error' }>): Error {
  if (message.name === 'TemplateMismatchError') return new TemplateMismatchError(message.message, message.problems);
  if (message.name === 'UnsafeFileError') return new UnsafeFileError(message.message);
  return new UnsafeFileError(UNREADABLE, { cause: new Error(message.message) });
}

/** The worker's messages as a queue; a crash, an out-of-memory stop or an error message rejects. */
class WorkerChannel {
  private readonly queue: WorkerMessage[] = [];
  private waiting?: { resolve: (m: WorkerMessage) => void; reject: (e: Error) => void };
  private failure?: Error;
  private closed = false;

  constructor(private readonly worker: Worker) {
    worker.on('message', (message: WorkerMessage) => (message.type === 'error' ? this.fail(workerError(message)) : this.push(message)));
    worker.on('error', (error: Error & { code?: string }) =>
      this.fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new UnsafeFileError(OUT_OF_MEMORY) : new UnsafeFileError(UNREADABLE, { cause: error })));
    worker.on('exit', (code) => this.fail(new UnsafeFileError(UNREADABLE, { cause: new Error(`reader worker exited (${code})`) })));
  }

  private push(message: WorkerMessage): void {
    if (this.waiting) this.waiting.resolve(message);
    else this.queue.push(message);
    this.waiting = undefined;
  }

  private fail(error: Error): void {
    if (this.closed || this.failure) return;
    this.failure = error;
    this.waiting?.reject(error);
    this.waiting = undefined;
  }

  next(): Promise<WorkerMessage> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => { this.waiting = { resolve, reject }; });
  }

  grant(count: number): void {
    this.worker.postMessage({ type: 'more', count });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }
}

/** What the worker needs of a layout (dictionary items and notes stay behind). */
const slim = (layout: ImportLayout): ImportLayout =>
  ({ ...layout, columns: layout.columns.map(({ dictionary: _d, note: _n, ...column }) => column) });

async function* readChunks(file: string, layout: ImportLayout, limits: ReadLimits, chunkSize: number, guarded: boolean): AsyncGenerator<SheetRow[]> {
  if (!guarded) await guardXlsx(file, limits);
  const channel = new WorkerChannel(await startWorker({ file, layout: slim(layout), limits, chunkSize }));
  const keys = layout.columns.map((c) => c.key);
  try {
    channel.grant(2);
    for (;;) {
      const message = await channel.next();
      if (message.type !== 'rows') return;
      channel.grant(1);
      yield decodeRows(message.json, keys);
    }
  } finally {
    await channel.close();
  }
}

/**
 * The data rows of an upload in chunks (default 500), in order. The file is guarded first
 * (UnsafeFileError; `guarded: true` when the caller already did, e.g. at upload), then parsed in a worker thread; the template is verified before any row
 * (TemplateMismatchError); more than `limits.maxRows` non-blank rows is an UnsafeFileError.
 * Stopping the iteration early stops the worker.
 */
export function readImportRows(file: string, layout: ImportLayout,
  options: { limits?: ReadLimits; chunkSize?: number; guarded?: boolean } = {}): AsyncIterable<SheetRow[]> {
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  return { [Symbol.asyncIterator]: () => readChunks(file, layout, limits, chunkSize, options.guarded === true) };
}

/** Shared strings a count on the calling thread may hold (≈16 MB); a file with more is counted in a worker. */
const COUNT_STRING_CHARS = 8_000_000;

/** Counts in a worker (its own heap cap), for files whose shared strings are too many to hold on the calling thread. */
async function countInWorker(file: string, layout: ImportLayout, limits: ReadLimits, stopAt: number): Promise<number> {
  let count = 0;
  for await (const rows of readChunks(file, layout, limits, Math.min(stopAt, DEFAULT_CHUNK), true)) {
    count += rows.length;
    if (count >= stopAt) return stopAt;
  }
  return count;
}

/**
 * The number of non-blank data rows, guarded and verified like `readImportRows` — counted up to
 * `upTo + 1` at most (the upload's "more than 100 rows?" question reads only that far). Parsed on
 * the calling thread, one inflated chunk at a time (starting a worker costs more than the question),
 * unless the shared strings hold more than `maxStringChars` (default 8 million) characters: then in a worker.
 */
export async function countDataRows(file: string, layout: ImportLayout,
  options: { limits?: ReadLimits; upTo?: number; guarded?: boolean; maxStringChars?: number } = {}): Promise<number> {
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  if (options.guarded !== true) await guardXlsx(file, limits);
  const stopAt = (options.upTo ?? Infinity) + 1;
  let count = 0;
  try {
    for await (const rows of scanRows(file, layout, limits, { maxStringChars: options.maxStringChars ?? COUNT_STRING_CHARS })) {
      count += rows.length;
      if (count >= stopAt) return stopAt;
    }
    return count;
  } catch (error) {
    if (error instanceof TooManyStringsError) return countInWorker(file, layout, limits, stopAt);
    if (error instanceof TemplateMismatchError || error instanceof UnsafeFileError) throw error;
    throw new UnsafeFileError(UNREADABLE, { cause: error });
  }
}
