/** Real tiny files for the tests, built here rather than read from disk. */

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');

/** A 1×1 red PNG (70 bytes, as a browser's canvas writes it). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4AWI6w8DwHwAAAP//nfhwpgAAAAZJREFUAwAEPgHOcjLqVQAAAABJRU5ErkJggg==', 'base64');

/** A 1×1 JPEG (125 bytes, arithmetic coded; browsers decode it). */
export const JPEG_1X1 = hex(`
  FFD8FFE000104A46494600010101004800480000
  FFDB004300030202020202030202020303030304060404040404080606050609080A0A090809090A0C0F0C0A0B0E0B09090D110D0E0F101011100A0C12131210130F101010
  FFC9000B080001000101011100FFCC000600101005FFDA0008010100003F00D2CF20FFD9`);

/** A minimal one-page PDF. */
export const PDF_MINIMAL = Buffer.from([
  '%PDF-1.4',
  '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj',
  '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj',
  '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 72 72]>> endobj',
  'trailer <</Root 1 0 R>>',
  '%%EOF',
  '',
].join('\n'), 'latin1');

/** An HTML page with a script, as someone might rename it `照片.jpg`. */
export const HTML_PAGE = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n');

/** The local-file header of a zip archive (what a .docx or .xlsx also starts with). */
export const ZIP_START = hex('504B0304 1400 0000 0800 0000 0000 00000000 00000000 00000000 0100 0000 61');
