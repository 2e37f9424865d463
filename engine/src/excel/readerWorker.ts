import { parentPort, workerData } from 'node:worker_threads';
import { scanRows } from './scan.js';
import type { SheetRow } from './types.js';
import { encodeRows, type WorkerInput, type WorkerMessage } from './workerProtocol.js';

/**
 * Worker thread: parses an upload (our SAX reader over the sheet XML) and posts its rows in chunks,
 * one chunk per credit the main thread grants (so parsing never runs far ahead of the import).
 */
const input = workerData as WorkerInput;
const port = parentPort!;
let credits = 0;
let wake: (() => void) | undefined;
port.on('message', (message: { type: 'more'; count: number }) => {
  credits += message.count;
  wake?.();
});

const post = (message: WorkerMessage) => port.postMessage(message);
async function credit(): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => { wake = resolve; });
  credits -= 1;
}

const keys = input.layout.columns.map((c) => c.key);

async function run(): Promise<void> {
  let rows: SheetRow[] = [];
  for await (const batch of scanRows(input.file, input.layout, input.limits)) {
    for (const row of batch) {
      rows.push(row);
      if (rows.length < input.chunkSize) continue;
      await credit();
      post({ type: 'rows', json: encodeRows(rows, keys) });
      rows = [];
    }
  }
  if (rows.length > 0) {
    await credit();
    post({ type: 'rows', json: encodeRows(rows, keys) });
  }
  post({ type: 'done' });
}

run().catch((error: Error & { problems?: string[] }) => {
  post({ type: 'error', name: error.name, message: error.message, ...(error.problems ? { problems: error.problems } : {}) });
});
