import { rawValue, readCell, unwrap, type CellContext } from './cells.js';
import type { CellValue, ImportLayout, SheetRow } from './types.js';

type Columns = ImportLayout['columns'];

/**
 * One sheet row → a SheetRow of the layout's columns (starting `offset` columns in), or undefined
 * when every cell of those columns is empty (formatted-but-empty rows, blank lines).
 */
export function toSheetRow(rowNumber: number, values: unknown[], columns: Columns, offset: number, context: CellContext): SheetRow | undefined {
  const cells = new Map<string, CellValue>();
  const raw: CellValue[] = [];
  const problems: SheetRow['problems'] = [];
  let blank = true;
  columns.forEach((column, i) => {
    const cell = unwrap(values[i + 1 + offset]);
    const value = rawValue(cell);
    raw.push(value ?? null);
    const result = readCell(cell, column, context);
    if ('empty' in result) return;
    blank = false;
    if ('problem' in result) problems.push({ column: column.key, message: result.problem });
    else cells.set(column.key, result.value);
  });
  return blank ? undefined : { rowNumber, cells, raw, problems };
}
