import { rawValue, type Unwrapped } from './cells.js';
import { unneutralise } from './neutralise.js';
import { toSheetRow } from './rows.js';
import { headerTitles, verifyTemplate, type SheetMeta } from './verify.js';
import { XlsxPackage, type SheetInfo } from './xlsxPackage.js';
import { INSTRUCTIONS_SHEET, LISTS_SHEET, META_SHEET, TemplateMismatchError, UnsafeFileError,
  type ImportLayout, type ReadLimits, type SheetRow } from './types.js';

const RESERVED = new Set([META_SHEET, LISTS_SHEET, INSTRUCTIONS_SHEET]);

/** A row's cells as text (header, `_meta`), un-neutralised like every text we read. */
const cellTexts = (cells: ReadonlyArray<Unwrapped | undefined>): string[] =>
  Array.from(cells.slice(1), (cell) => { const r = cell ? rawValue(cell) : null; return r === null ? '' : unneutralise(String(r)); });

/** The sheet named as the layout's, else (renamed by the user) the first visible sheet that is not ours. */
function dataSheetOf(sheets: SheetInfo[], layout: ImportLayout): SheetInfo | undefined {
  return sheets.find((s) => s.name === layout.sheet)
    ?? sheets.find((s) => s.state === 'visible' && !RESERVED.has(s.name));
}

async function readMeta(book: XlsxPackage, sheet: SheetInfo | undefined, strings: readonly string[]): Promise<SheetMeta | undefined> {
  if (!sheet?.part) return undefined;
  const entries = new Map<string, string[]>();
  const keys: string[] = [];
  for await (const rows of book.rows(sheet, strings)) {
    for (const row of rows) {
      const [key = '', ...values] = cellTexts(row.cells);
      if (key === 'column') keys.push(values[0] ?? '');
      else if (!entries.has(key)) entries.set(key, values);
    }
  }
  const first = (key: string) => entries.get(key)?.[0];
  const version = Number(first('version'));
  return { format: first('format'), entity: first('entity'), title: first('title'), checksum: first('checksum'),
    ...(Number.isInteger(version) ? { version } : {}), keys };
}

const tooManyRows = (limits: ReadLimits) =>
  new UnsafeFileError(`一次最多导入 ${limits.maxRows} 行数据，该文件超过了这个数量。请把数据分成几个文件分别导入。`);

/**
 * The data rows of an upload in batches (as parsed), template verified first (TemplateMismatchError
 * before any row: `_meta` is read before the data sheet, wherever either is stored), blank rows
 * skipped, at most `limits.maxRows` non-blank rows (else UnsafeFileError). Styles are not read: a
 * date cell arrives as its serial number, which date columns convert (1900 or 1904 system).
 * `maxStringChars` bounds the shared strings table (TooManyStringsError beyond it).
 */
export async function* scanRows(file: string, layout: ImportLayout, limits: ReadLimits,
  options: { maxStringChars?: number } = {}): AsyncGenerator<SheetRow[]> {
  const book = await XlsxPackage.open(file);
  try {
    const data = dataSheetOf(book.sheets, layout);
    if (!data?.part) {
      throw new TemplateMismatchError(`文件中没有「${layout.sheet}」工作表。请下载「${layout.title}」的导入模板，在其中填写后再导入。`);
    }
    const strings = await book.sharedStrings(options.maxStringChars);
    const meta = await readMeta(book, book.sheets.find((s) => s.name === META_SHEET), strings);
    const context = { date1904: book.date1904 };
    let offset: number | undefined;
    let count = 0;
    for await (const batch of book.rows(data, strings)) {
      const rows: SheetRow[] = [];
      for (const xml of batch) {
        if (offset === undefined) {
          offset = verifyTemplate(meta, xml.number === 1 ? headerTitles(cellTexts(xml.cells)) : [], layout).offset;
          if (xml.number === 1) continue;
        }
        const row = toSheetRow(xml.number, xml.cells, layout.columns, offset, context);
        if (!row) continue;
        count += 1;
        if (count > limits.maxRows) throw tooManyRows(limits);
        rows.push(row);
      }
      if (rows.length > 0) yield rows;
    }
    if (offset === undefined) verifyTemplate(meta, [], layout);
  } finally {
    book.close();
  }
}
