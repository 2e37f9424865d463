import ExcelJS from 'exceljs';
import { SafeWorkbookReader } from './workbookReader.js';
import { rawValue, unwrap } from './cells.js';
import { unneutralise } from './neutralise.js';
import { toSheetRow } from './rows.js';
import { headerTitles, verifyHeader, verifyTemplate, type SheetMeta, type Verified } from './verify.js';
import { INSTRUCTIONS_SHEET, LISTS_SHEET, META_SHEET, TemplateMismatchError, UnsafeFileError,
  type ImportLayout, type ReadLimits, type SheetRow } from './types.js';

/** The parts of exceljs's streaming reader we use (its typings omit them). */
interface SheetReader extends AsyncIterable<ExcelJS.Row> { name: string }
interface BookReader extends AsyncIterable<SheetReader> {
  model?: { sheets?: Array<{ name: string; state?: string }> };
  properties?: { model?: { date1904?: boolean } };
}

const RESERVED = new Set([META_SHEET, LISTS_SHEET, INSTRUCTIONS_SHEET]);

/** A row's cells as text (header, `_meta`), un-neutralised like every text we read. */
const cellTexts = (row: ExcelJS.Row): string[] =>
  Array.from((row.values as unknown[]).slice(1), (v) => { const r = rawValue(unwrap(v)); return r === null ? '' : unneutralise(String(r)); });

/** The sheet named as the layout's, else (renamed by the user) the first visible sheet that is not ours. */
function dataSheetName(reader: BookReader, layout: ImportLayout): string | undefined {
  const sheets = reader.model?.sheets ?? [];
  return sheets.find((s) => s.name === layout.sheet)?.name
    ?? sheets.find((s) => (s.state ?? 'visible') === 'visible' && !RESERVED.has(s.name))?.name;
}

async function readMeta(sheet: SheetReader): Promise<SheetMeta> {
  const entries = new Map<string, string[]>();
  const keys: string[] = [];
  for await (const row of sheet) {
    const [key = '', ...values] = cellTexts(row);
    if (key === 'column') keys.push(values[0] ?? '');
    else if (!entries.has(key)) entries.set(key, values);
  }
  const first = (key: string) => entries.get(key)?.[0];
  const version = Number(first('version'));
  return { format: first('format'), entity: first('entity'), title: first('title'), checksum: first('checksum'),
    ...(Number.isInteger(version) ? { version } : {}), keys };
}

const drain = async (sheet: SheetReader) => {
  for await (const row of sheet) void row;
};

const tooManyRows = (limits: ReadLimits) =>
  new UnsafeFileError(`一次最多导入 ${limits.maxRows} 行数据，该文件超过了这个数量。请把数据分成几个文件分别导入。`);

/**
 * One pass over the workbook with exceljs's streaming reader. `_meta` normally comes before the data
 * sheet (we write it first; Excel keeps tab order in part names); when the data sheet comes first, its
 * header is checked, its rows are left for a second pass (`deferred`) once `_meta` has been read.
 */
async function* scanPass(file: string, layout: ImportLayout, limits: ReadLimits, known?: Verified): AsyncGenerator<SheetRow, Verified | undefined> {
  // Styles are not read (≈15 % of the parse): a date cell then arrives as its serial number, which
  // date columns convert (1900 or 1904 system); a date typed into a text column stays a number.
  const reader = new SafeWorkbookReader(file, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore',
  }) as unknown as BookReader;
  let meta: SheetMeta | undefined;
  let pendingHeader: string[] | undefined;
  let dataSeen = false;
  let count = 0;
  // Leaving the loop early (a return, an error) ends the reader's iteration, which closes the zip.
  for await (const sheet of reader) {
    if (sheet.name === META_SHEET && !known) {
      meta = await readMeta(sheet);
      continue;
    }
    if (dataSeen || sheet.name !== dataSheetName(reader, layout)) {
      await drain(sheet);
      continue;
    }
    dataSeen = true;
    const rows = sheet[Symbol.asyncIterator]();
    const first = await rows.next();
    const header = first.done || first.value.number !== 1 ? [] : headerTitles(cellTexts(first.value));
    let verified = known;
    if (!verified && !meta) {
      verifyHeader(header, layout);
      pendingHeader = header;
      await rows.return?.(undefined);
      continue;
    }
    verified ??= verifyTemplate(meta, header, layout);
    const context = { date1904: reader.properties?.model?.date1904 === true };
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      const row = toSheetRow(next.value.number, next.value.values as unknown[], layout.columns, verified.offset, context);
      if (!row) continue;
      count += 1;
      if (count > limits.maxRows) throw tooManyRows(limits);
      yield row;
    }
  }
  if (!dataSeen) {
    throw new TemplateMismatchError(`文件中没有「${layout.sheet}」工作表。请下载「${layout.title}」的导入模板，在其中填写后再导入。`);
  }
  return pendingHeader ? verifyTemplate(meta, pendingHeader, layout) : undefined;
}

/**
 * The data rows of an upload, template verified first (TemplateMismatchError before any row),
 * blank rows skipped, at most `limits.maxRows` non-blank rows (else UnsafeFileError).
 */
export async function* scanRows(file: string, layout: ImportLayout, limits: ReadLimits): AsyncGenerator<SheetRow> {
  const deferred = yield* scanPass(file, layout, limits);
  if (deferred) yield* scanPass(file, layout, limits, deferred);
}
