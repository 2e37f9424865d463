import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import yauzl, { type Entry } from 'yauzl';

/** Buffer chunks decoded as UTF-8 across chunk boundaries (a character split in two stays whole). */
async function* decoded(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

type Reader = new (input: unknown, options: unknown) => object;
interface ReaderInternals {
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}
const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as Reader;
const base = Base.prototype as unknown as ReaderInternals;
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * exceljs' streaming workbook reader with two of its bugs worked around (no file in node_modules
 * is changed; the same parsers, the same events):
 *
 * - It walks the zip in one streaming pass that intermittently loses the last entry; exceljs'
 *   writer stores `xl/workbook.xml` last, so our own reports and exports sometimes read as having
 *   no sheet names at all (exceljs #3064, PR #3065). Here the entries come from the central
 *   directory (yauzl), in the order the parsers need: relationships, workbook, shared strings,
 *   styles, then the sheets in order — each still streamed, never held whole.
 * - It decodes every inflated chunk on its own, so a Chinese character that straddles two chunks
 *   becomes "��" (exceljs #2063, #2316). Here the parsers get text: shared strings through the
 *   stream's own UTF-8 decoding, sheets through a StringDecoder.
 *
 * The input is a file path (what the import reads; the upload was guarded before).
 */
export class SafeWorkbookReader extends Base {
  constructor(private readonly file: string, options: unknown) {
    super(file, options);
  }

  async *parse(): AsyncGenerator<unknown> {
    const zip = await yauzl.openPromise(this.file, { lazyEntries: true, autoClose: false, strictFileNames: false });
    try {
      const entries = new Map<string, Entry>();
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
      const open = (name: string) => { const entry = entries.get(name); return entry ? zip.openReadStreamPromise(entry) : undefined; };
      const parts: Array<[string, (s: NodeJS.ReadableStream) => Promise<void>]> = [
        ['xl/_rels/workbook.xml.rels', (s) => base._parseRels.call(this, s)],
        ['xl/workbook.xml', (s) => base._parseWorkbook.call(this, s)],
      ];
      for (const [name, parse] of parts) {
        const stream = await open(name);
        if (stream) await parse(stream);
      }
      const strings = await open('xl/sharedStrings.xml');
      if (strings) yield* this._parseSharedStrings(strings);
      const styles = await open('xl/styles.xml');
      if (styles) await base._parseStyles.call(this, styles);
      const sheets = [...entries.keys()].flatMap((name) => { const m = SHEET.exec(name); return m ? [{ name, no: m[1]! }] : []; })
        .sort((a, b) => Number(a.no) - Number(b.no));
      for (const sheet of sheets) yield* this._parseWorksheet((await open(sheet.name))!, sheet.no);
    } finally {
      await zip.close();
    }
  }

  async *_parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown> {
    entry.setEncoding('utf8');
    yield* base._parseSharedStrings.call(this, entry);
  }

  *_parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown> {
    yield* base._parseWorksheet.call(this, decoded(iterator), sheetNo);
  }
}
