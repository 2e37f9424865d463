import type { CellValue, ImportLayout, ReadLimits, SheetRow } from './types.js';

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
  /** Rows as JSON (`encodeRows`): much cheaper to pass between threads than structured-cloned Maps. */
  | { type: 'rows'; json: string }
  | { type: 'done'; count: number }
  | { type: 'error'; name: string; message: string; problems?: string[] };

type EncodedRow = [number, Record<string, CellValue>, CellValue[], SheetRow['problems']];

export const encodeRows = (rows: readonly SheetRow[]): string =>
  JSON.stringify(rows.map((r): EncodedRow => [r.rowNumber, Object.fromEntries(r.cells), r.raw, r.problems]));

export const decodeRows = (json: string): SheetRow[] =>
  (JSON.parse(json) as EncodedRow[]).map(([rowNumber, cells, raw, problems]) => ({ rowNumber, cells: new Map(Object.entries(cells)), raw, problems }));
