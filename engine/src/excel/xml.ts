import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** What a part's SAX events go to. Tags arrive without namespace processing (`r:id` is an attribute name). */
export interface XmlHandler {
  open(tag: SaxesTagPlain): void;
  text(text: string): void;
  close(tag: SaxesTagPlain): void;
}

/**
 * Feeds a zip entry's inflated bytes to saxes, decoded as UTF-8 across chunk boundaries (a Chinese
 * character split between two chunks stays whole), and yields after each chunk so the handler can
 * hand over what it completed: a part is streamed, never held whole. Malformed XML throws.
 * No DTD is ever expanded (saxes does not read internal entity declarations).
 */
export async function* parseXml(chunks: AsyncIterable<Buffer>, handler: XmlHandler): AsyncGenerator<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag) => handler.open(tag));
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));
  parser.on('closetag', (tag) => handler.close(tag));
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    parser.write(decoder.write(chunk));
    yield;
  }
  parser.write(decoder.end());
  parser.close();
  yield;
}

/** Reads a part whole into its handler (a part the package lacks, `undefined`, leaves the handler empty). */
export async function readXml<H extends XmlHandler>(chunks: AsyncIterable<Buffer> | undefined, handler: H): Promise<H> {
  if (chunks) for await (const _ of parseXml(chunks, handler)) void _;
  return handler;
}

/** Excel's escapes of characters XML cannot hold (`_x000D_`; `_x005F_` is a literal underscore). */
export function unescapeText(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** A relationship target of `xl/workbook.xml` as the zip entry name (relative to `xl/`, or absolute). */
export function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : path.posix.normalize(`xl/${target}`);
}

/** `xl/workbook.xml`: the sheets in tab order with their relationship ids and visibility, and the date system. */
export class WorkbookHandler implements XmlHandler {
  readonly sheets: Array<{ name: string; state: string; relId: string }> = [];
  date1904 = false;

  open(tag: SaxesTagPlain): void {
    const a = tag.attributes;
    if (tag.name === 'sheet') this.sheets.push({ name: a.name ?? '', state: a.state ?? 'visible', relId: a['r:id'] ?? '' });
    else if (tag.name === 'workbookPr') this.date1904 = a.date1904 === '1' || a.date1904 === 'true';
  }

  text(): void {}
  close(): void {}
}

/** `xl/_rels/workbook.xml.rels`: relationship id → part name, and the shared strings part. */
export class RelationshipsHandler implements XmlHandler {
  readonly targets = new Map<string, string>();
  sharedStrings?: string;

  open(tag: SaxesTagPlain): void {
    if (tag.name !== 'Relationship') return;
    const { Id: id, Target: target, Type: type } = tag.attributes;
    if (!id || !target) return;
    this.targets.set(id, partName(target));
    if (type?.endsWith('/sharedStrings')) this.sharedStrings = partName(target);
  }

  text(): void {}
  close(): void {}
}

/** The shared strings hold more text than the caller allowed (`SharedStringsHandler`'s `maxChars`). */
export class TooManyStringsError extends Error {
  constructor() {
    super('shared strings beyond the allowed size');
    this.name = 'TooManyStringsError';
  }
}

/**
 * `xl/sharedStrings.xml`: each item's text — plain, or its rich-text runs joined — without the
 * phonetic guides (`rPh`) Excel stores for East Asian text. More than `maxChars` characters in all
 * is a TooManyStringsError.
 */
export class SharedStringsHandler implements XmlHandler {
  readonly strings: string[] = [];
  private current = '';
  private chars = 0;
  private inText = false;
  private phonetic = false;

  constructor(private readonly maxChars = Infinity) {}

  open(tag: SaxesTagPlain): void {
    switch (tag.name) {
      case 'si': this.current = ''; break;
      case 't': this.inText = !this.phonetic; break;
      case 'rPh': this.phonetic = true; break;
      default: break;
    }
  }

  text(text: string): void {
    if (!this.inText) return;
    this.current += text;
    this.chars += text.length;
    if (this.chars > this.maxChars) throw new TooManyStringsError();
  }

  close(tag: SaxesTagPlain): void {
    switch (tag.name) {
      case 't': this.inText = false; break;
      case 'rPh': this.phonetic = false; break;
      case 'si': this.strings.push(unescapeText(this.current)); break;
      default: break;
    }
  }
}
