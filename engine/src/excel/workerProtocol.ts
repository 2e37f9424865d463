import type { ImportLayout, ReadLimits, SheetRow } from './types.js';

/** What the reader worker is given (structured-cloned). */
export interface WorkerInput {
  file: string;
  layout: ImportLayout;
  limits: ReadLimits;
  chunkSize: number;
  /** `count`: only count the data rows (template still verified). */
  mode: 'rows' | 'count';
}

/** What the reader worker posts back. */
export type WorkerMessage =
  | { type: 'rows'; rows: SheetRow[] }
  | { type: 'done'; count: number }
  | { type: 'error'; name: string; message: string; problems?: string[] };
