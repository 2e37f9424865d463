import type { CellValue } from './types.js';

/** Characters a spreadsheet may take as the start of a formula (OWASP "CSV injection"): = + - @ tab CR. */
const DANGEROUS_START = /^[=+\-@\t\r]/;
/** What `neutralise` produces: an apostrophe in front of one of those characters. */
const NEUTRALISED = /^'[=+\-@\t\r]/;

/**
 * OWASP's remedy for formula injection in every workbook we write (reports, exports): a text value
 * starting with = + - @ tab or CR gets a leading apostrophe, so no spreadsheet ever evaluates it,
 * not even after the user edits the cell. Numbers, booleans and other text are unchanged.
 */
export function neutralise(value: CellValue): CellValue {
  return typeof value === 'string' && DANGEROUS_START.test(value) ? `'${value}` : value;
}

/**
 * The reverse, applied to every text cell read: `'=1+1` (as we wrote it) reads as `=1+1`, so an
 * exported or reported value imports back as it was. A typed value that itself starts with an
 * apostrophe followed by one of those characters loses that apostrophe (Excel never stores its own
 * text-prefix apostrophe in the value, so only text typed in other editors can look like that).
 */
export function unneutralise(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}
