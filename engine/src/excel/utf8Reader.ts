import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

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
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}
const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as Reader;

/**
 * exceljs's streaming reader decodes every inflated chunk on its own, so a Chinese character that
 * straddles two chunks becomes "��" (exceljs issues #2063, #2316; open PRs #1665, #2081). This
 * subclass hands it text instead: shared strings through the stream's own UTF-8 decoding, sheets
 * through a StringDecoder. Same parser, same events; no file in node_modules is changed.
 */
export class Utf8WorkbookReader extends Base {
  async *_parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown> {
    entry.setEncoding('utf8');
    yield* (Base.prototype as unknown as ReaderInternals)._parseSharedStrings.call(this, entry);
  }

  *_parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown> {
    yield* (Base.prototype as unknown as ReaderInternals)._parseWorksheet.call(this, decoded(iterator), sheetNo);
  }
}
