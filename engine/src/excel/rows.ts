import { rawValue, readCell, type CellContext, type Unwrapped } from './cells.js';
import type { CellValue, ImportLayout, SheetRow } from './types.js';

type Columns = ImportLayout['columns'];
const EMPTY: Unwrapped = { plain: null, formula: false };

/**
 * One sheet row (cells by 1-based column number) → a SheetRow of the layout's columns (starting
 * `offset` columns in), or undefined when every cell of those columns is empty (formatted-but-empty
 * rows, blank lines).
 */
export function toSheetRow(rowNumber: number, values: ReadonlyArray<Unwrapped | undefined>, columns: Columns, offset: number,
  context: CellContext): SheetRow | undefined {
  const cells = new Map<string, CellValue>();
  const raw: CellValue[] = [];
  const problems: SheetRow['problems'] = [];
  let blank = true;
  for (let i = 0; i < columns.length; i += 1) {
    const column = columns[i]!;
    const cell = values[i + 1 + offset] ?? EMPTY;
    raw.push(rawValue(cell) ?? null);
    const result = readCell(cell, column, context);
    if ('empty' in result) continue;
    blank = false;
    if ('problem' in result) problems.push({ column: column.key, message: result.problem });
    else cells.set(column.key, result.value);
  }
  return blank ? undefined : { rowNumber, cells, raw, problems };
}
