import type { CellValue, ImportLayout, ReadLimits, SheetRow } from './types.js';

/** What the reader worker is given (structured-cloned). */
export interface WorkerInput {
  file: string;
  layout: ImportLayout;
  limits: ReadLimits;
  chunkSize: number;
}

/** What the reader worker posts back. */
export type WorkerMessage =
  /** Rows as JSON (`encodeRows`): much cheaper to pass between threads than structured-cloned Maps. */
  | { type: 'rows'; json: string }
  | { type: 'done' }
  | { type: 'error'; name: string; message: string; problems?: string[] };

/**
 * A row on the wire: its number, its cells by column position (null when empty), the raw values
 * only where they differ from the cell (most do not: the report's values are rebuilt from the
 * cells, sharing their strings), and its problems. About half the JSON of sending both.
 */
type EncodedRow = [number, CellValue[], Record<number, CellValue>, SheetRow['problems']];

export function encodeRows(rows: readonly SheetRow[], keys: readonly string[]): string {
  return JSON.stringify(rows.map((r): EncodedRow => {
    const cells = keys.map((key) => r.cells.get(key) ?? null);
    const raw: Record<number, CellValue> = {};
    r.raw.forEach((value, i) => { if (value !== cells[i]) raw[i] = value; });
    return [r.rowNumber, cells, raw, r.problems];
  }));
}

export function decodeRows(json: string, keys: readonly string[]): SheetRow[] {
  return (JSON.parse(json) as EncodedRow[]).map(([rowNumber, values, differing, problems]) => {
    const cells = new Map<string, CellValue>();
    values.forEach((value, i) => { if (value !== null) cells.set(keys[i]!, value); });
    const raw = values.map((value, i) => (i in differing ? differing[i]! : value));
    return { rowNumber, cells, raw, problems };
  });
}
