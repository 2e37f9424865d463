import type { SaxesTagPlain } from 'saxes';
import type { Unwrapped } from './cells.js';
import { unescapeText, type XmlHandler } from './xml.js';

/** A `<row>` of a worksheet part: its 1-based number and its cells by 1-based column number. */
export interface XmlRow {
  number: number;
  cells: Array<Unwrapped | undefined>;
}

/** What text events are collected into: nothing, the cell's `<v>`, its inline string's `<t>`. */
const NONE = 0;
const VALUE = 1;
const INLINE = 2;
const A = 65;

/** The column number of a cell reference (`AB12` → 28); 0 when it has no letters. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i) & ~32; // upper case
    if (code < A || code > A + 25) break;
    column = column * 26 + code - A + 1;
  }
  return column;
}

const EMPTY: Unwrapped = Object.freeze({ plain: null, formula: false }) as Unwrapped;

/**
 * A worksheet part's rows, read with a SAX handler. Cell values as Excel stores them: shared strings
 * (`t="s"`, by index), inline and formula strings, booleans, error values, numbers (a date is its
 * serial: styles are not read); a formula's cached result, flagged as a formula. Rows without a
 * number follow the previous one; cells without a reference follow the previous cell.
 */
export class SheetHandler implements XmlHandler {
  /** Rows completed since the last `take()`. */
  private done: XmlRow[] = [];
  private row: XmlRow | undefined;
  private lastRow = 0;
  private column = 0;
  private type: string | undefined;
  private formula = false;
  private value: string | undefined;
  private inline: string | undefined;
  private collect: typeof NONE | typeof VALUE | typeof INLINE = NONE;
  private phonetic = false;

  constructor(private readonly strings: readonly string[]) {}

  take(): XmlRow[] {
    const rows = this.done;
    this.done = [];
    return rows;
  }

  open(tag: SaxesTagPlain): void {
    switch (tag.name) {
      case 'row': {
        const r = tag.attributes.r;
        this.lastRow = r ? parseInt(r, 10) : this.lastRow + 1;
        this.row = { number: this.lastRow, cells: [] };
        this.column = 0;
        break;
      }
      case 'c': {
        const ref = tag.attributes.r;
        this.column = (ref ? columnOf(ref) : 0) || this.column + 1;
        this.type = tag.attributes.t;
        this.formula = false;
        this.value = undefined;
        this.inline = undefined;
        break;
      }
      case 'f': this.formula = true; break;
      case 'v': this.value = ''; this.collect = VALUE; break;
      case 'is': this.inline = ''; break;
      case 't': if (this.inline !== undefined && !this.phonetic) this.collect = INLINE; break;
      case 'rPh': this.phonetic = true; break;
      default: break;
    }
  }

  text(text: string): void {
    if (this.collect === VALUE) this.value += text;
    else if (this.collect === INLINE) this.inline += text;
  }

  close(tag: SaxesTagPlain): void {
    switch (tag.name) {
      case 'v': case 't': this.collect = NONE; break;
      case 'rPh': this.phonetic = false; break;
      case 'c': if (this.row) this.row.cells[this.column] = this.cell(); break;
      case 'row':
        if (this.row) this.done.push(this.row);
        this.row = undefined;
        break;
      default: break;
    }
  }

  /** The cell just closed, in the shape `readCell` takes. */
  private cell(): Unwrapped {
    const { value, formula } = this;
    switch (this.type) {
      case 's': {
        const text = value === undefined ? undefined : this.strings[parseInt(value, 10)];
        return text === undefined ? EMPTY : { plain: text, formula };
      }
      case 'inlineStr': case 'str': case 'd': {
        const text = this.inline ?? value;
        return text === undefined ? (formula ? { plain: null, formula } : EMPTY) : { plain: unescapeText(text), formula };
      }
      case 'b': return value === undefined ? EMPTY : { plain: parseInt(value, 10) !== 0, formula };
      case 'e': return value === undefined ? EMPTY : { plain: null, formula, error: value };
      default: {
        if (value === undefined) return formula ? { plain: null, formula } : EMPTY;
        const number = parseFloat(value);
        return Number.isFinite(number) ? { plain: number, formula } : { plain: null, formula, error: formula ? '#VALUE!' : '#NUM!' };
      }
    }
  }
}
