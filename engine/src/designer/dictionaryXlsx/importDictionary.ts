import type { DefinitionProblem, DictionaryImportResult } from '../../contract/designer.js';
import { rawValue, type Unwrapped } from '../../excel/cells.js';
import { guardXlsx, INSTRUCTIONS_SHEET, LISTS_SHEET, META_SHEET, UnsafeFileError, type ReadLimits } from '../../excel/index.js';
import { unneutralise } from '../../excel/neutralise.js';
import { columnLetter } from '../../excel/verify.js';
import { XlsxPackage } from '../../excel/xlsxPackage.js';
import { itemColumns, type DictionaryItemContent, type ItemColumn } from './columns.js';
import { ITEMS_SHEET } from './exportDictionary.js';
import { checkItems } from './checkItems.js';

/** What an uploaded dictionary workbook holds: the items read and what is wrong with them (row by row, in Chinese). */
export type DictionaryImport = DictionaryImportResult;

/** A dictionary is a code table: far fewer rows and characters than a data import may have. */
export const DICTIONARY_READ_LIMITS: ReadLimits = { maxBytes: 5 * 1024 * 1024, maxEntries: 200, maxInflatedBytes: 60 * 1024 * 1024,
  maxRatio: 200, maxRows: 10_000 };
const MAX_STRING_CHARS = 2_000_000;
const RESERVED = new Set([META_SHEET, LISTS_SHEET, INSTRUCTIONS_SHEET]);

type Plain = string | number | boolean;

/** A cell as a plain value: strings trimmed and un-neutralised, empty as null. */
function plainOf(cell: Unwrapped | undefined): Plain | null {
  const value = cell ? rawValue(cell) : null;
  if (typeof value !== 'string') return value;
  const trimmed = unneutralise(value.trim());
  return trimmed === '' ? null : trimmed;
}

/** Header titles → the sheet's column numbers; missing required columns are problems. */
function mapHeader(cells: ReadonlyArray<Unwrapped | undefined>): { columns: Array<[number, ItemColumn]>; problems: DefinitionProblem[] } {
  const titles = cells.map((cell) => String(plainOf(cell) ?? ''));
  const columns = itemColumns.flatMap((column): Array<[number, ItemColumn]> => {
    const index = titles.indexOf(column.title);
    return index > 0 ? [[index, column]] : [];
  });
  const problems = itemColumns.filter((c) => c.required && !columns.some(([, found]) => found === c)).map((c) => ({
    path: '/file', message: `第 1 行没有「${c.title}」列。请使用从设计器导出的字典文件，第一行的列名不要修改。` }));
  return { columns, problems };
}

function readRow(rowNumber: number, index: number, cells: ReadonlyArray<Unwrapped | undefined>, columns: Array<[number, ItemColumn]>,
  problems: DefinitionProblem[]): DictionaryItemContent {
  const item = {} as DictionaryItemContent;
  for (const [at, column] of columns) {
    const value = plainOf(cells[at]);
    if (value === null) {
      if (column.required) problems.push({ path: `/items/${index}/${column.field}`, message: `第 ${rowNumber} 行「${column.title}」（${columnLetter(at - 1)} 列）不能为空。` });
      continue;
    }
    const result = column.read(value);
    if ('problem' in result) problems.push({ path: `/items/${index}/${column.field}`, message: `第 ${rowNumber} 行「${column.title}」（${columnLetter(at - 1)} 列）：${result.problem}` });
    else Object.assign(item, result.set);
  }
  return item;
}

/**
 * Reads an uploaded dictionary workbook (guarded first: size, zip bomb, not an .xlsx → UnsafeFileError):
 * the sheet 字典项 (else the first visible sheet that is not ours), columns found by their titles in
 * row 1, blank rows skipped. Every problem found is reported with its row; the items are returned
 * as read, so the designer can show them next to the problems.
 */
export async function readDictionaryWorkbook(file: string, limits: ReadLimits = DICTIONARY_READ_LIMITS): Promise<DictionaryImport> {
  await guardXlsx(file, limits);
  const book = await XlsxPackage.open(file);
  try {
    const sheet = book.sheets.find((s) => s.name === ITEMS_SHEET) ?? book.sheets.find((s) => s.state === 'visible' && !RESERVED.has(s.name));
    if (!sheet) throw new UnsafeFileError(`文件中没有「${ITEMS_SHEET}」工作表。请先导出字典，在导出的文件中修改后再导入。`);
    const strings = await book.sharedStrings(MAX_STRING_CHARS);
    const items: DictionaryItemContent[] = [];
    const problems: DefinitionProblem[] = [];
    const rowNumbers: number[] = [];
    let header: ReturnType<typeof mapHeader> | undefined;
    for await (const batch of book.rows(sheet, strings)) {
      for (const row of batch) {
        if (!header) { header = mapHeader(row.cells); problems.push(...header.problems); continue; }
        if (row.cells.every((cell) => plainOf(cell) === null)) continue;
        if (items.length >= limits.maxRows) throw new UnsafeFileError(`字典最多 ${limits.maxRows} 项，文件超过了这个数量。`);
        items.push(readRow(row.number, items.length, row.cells, header.columns, problems));
        rowNumbers.push(row.number);
      }
    }
    if (!header) problems.push({ path: '/file', message: '文件是空的：第 1 行应为列名（编码、名称……），从第 2 行起每行一项。' });
    else if (items.length === 0) problems.push({ path: '/file', message: '文件中没有字典项。请从第 2 行起每行填写一项。' });
    problems.push(...checkItems(items, (index) => `第 ${rowNumbers[index]} 行`));
    return { items, problems };
  } finally {
    book.close();
  }
}
