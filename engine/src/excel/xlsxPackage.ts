import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { SheetHandler, type XmlRow } from './sheetXml.js';
import { parseXml, readXml, RelationshipsHandler, SharedStringsHandler, WorkbookHandler } from './xml.js';

const openEntry = async (zip: ZipFile, entry: Entry) =>
  (await zip.openReadStreamPromise(entry)) as NodeJS.ReadableStream & AsyncIterable<Buffer>;

export interface SheetInfo {
  name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  state: string;
  /** The worksheet's zip entry, when the workbook's relationships name one that exists. */
  part?: string;
}

/**
 * An .xlsx opened for reading (the upload was guarded before). Parts are taken from the zip's
 * central directory by name, when needed, each streamed through a SAX parser: exceljs' streaming
 * reader walks the zip in one pass that intermittently loses the last entry (exceljs #3064) and
 * splits Chinese characters at chunk boundaries (exceljs #2063); its row and cell objects also cost
 * more than the import's whole cell normalisation (docs/benchmarks.md (e)).
 */
export class XlsxPackage {
  private constructor(private readonly zip: ZipFile, private readonly entries: Map<string, Entry>,
    readonly sheets: SheetInfo[], readonly date1904: boolean, private readonly sharedStringsPart: string) {}

  static async open(file: string): Promise<XlsxPackage> {
    const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: false });
    try {
      const entries = new Map<string, Entry>();
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
      const read = async (name: string) => { const entry = entries.get(name); return entry ? openEntry(zip, entry) : undefined; };
      const rels = await readXml(await read('xl/_rels/workbook.xml.rels'), new RelationshipsHandler());
      const workbook = await readXml(await read('xl/workbook.xml'), new WorkbookHandler());
      const sheets = workbook.sheets.map(({ name, state, relId }) => {
        const part = rels.targets.get(relId);
        return { name, state, ...(part && entries.has(part) ? { part } : {}) };
      });
      return new XlsxPackage(zip, entries, sheets, workbook.date1904, rels.sharedStrings ?? 'xl/sharedStrings.xml');
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  private async stream(name: string): Promise<NodeJS.ReadableStream & AsyncIterable<Buffer> | undefined> {
    const entry = this.entries.get(name);
    return entry ? openEntry(this.zip, entry) : undefined;
  }

  /** The shared strings table (empty when the workbook has none: strings inline); TooManyStringsError beyond `maxChars`. */
  async sharedStrings(maxChars?: number): Promise<string[]> {
    return (await readXml(await this.stream(this.sharedStringsPart), new SharedStringsHandler(maxChars))).strings;
  }

  /** A sheet's rows in batches as they are parsed (one batch per inflated chunk). Stopping early stops the read. */
  async *rows(sheet: SheetInfo, strings: readonly string[]): AsyncGenerator<XmlRow[]> {
    const stream = sheet.part ? await this.stream(sheet.part) : undefined;
    if (!stream) return;
    const handler = new SheetHandler(strings);
    try {
      for await (const _ of parseXml(stream, handler)) {
        const rows = handler.take();
        if (rows.length > 0) yield rows;
      }
    } finally {
      (stream as unknown as { destroy(): void }).destroy();
    }
  }

  close(): void {
    this.zip.close();
  }
}
