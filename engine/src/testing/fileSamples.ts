/** Real tiny files for the tests, built here rather than read from disk. */
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');

/** A 1×1 red PNG (70 bytes, as a browser's canvas writes it). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4AWI6w8DwHwAAAP//nfhwpgAAAAZJREFUAwAEPgHOcjLqVQAAAABJRU5ErkJggg==', 'base64');

/** A 1×1 JPEG (125 bytes, arithmetic coded; browsers decode it). */
export const JPEG_1X1 = hex(`
  FFD8FFE000104A46494600010101004800480000
  FFDB004300030202020202030202020303030304060404040404080606050609080A0A090809090A0C0F0C0A0B0E0B09090D110D0E0F101011100A0C12131210130F101010
  FFC9000B080001000101011100FFCC000600101005FFDA0008010100003F00D2CF20FFD9`);

/** A one-page PDF whose catalog has `catalogExtra` and with further `objects` (`N 0 obj … endobj`) before its trailer. */
export const pdfWith = (catalogExtra = '', ...objects: Array<string | Buffer>) => Buffer.concat([Buffer.from([
  '%PDF-1.4',
  `1 0 obj <</Type /Catalog /Pages 2 0 R${catalogExtra}>> endobj`,
  '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj',
  '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 72 72]>> endobj',
  '',
].join('\n'), 'latin1'), ...objects.flatMap((o) => [Buffer.isBuffer(o) ? o : Buffer.from(o, 'latin1'), Buffer.from('\n')]), Buffer.from('trailer <</Root 1 0 R>>\n%%EOF\n')]);

/** A minimal one-page PDF. */
export const PDF_MINIMAL = pdfWith();

/** A PDF that runs JavaScript when opened, its names disguised with `#xx` escapes. */
export const PDF_WITH_SCRIPT = pdfWith(' /OpenAction 4 0 R', '4 0 obj <</S /J#61vaScript /J#53 (app.alert(1))>> endobj');

/** A PDF 1.5 whose embedded file hides in a compressed object stream (the raw bytes show no such name). */
export function pdfWithHiddenAttachment(): Buffer {
  const inner = Buffer.from('5 0 6 30 <</EmbeddedFiles <</Names [(a.exe) 6 0 R]>>>> <</Type /Filespec /F (a.exe) /EF <</F 7 0 R>>>>', 'latin1');
  const packed = deflateSync(inner);
  const objStm = Buffer.concat([Buffer.from(`4 0 obj <</Type /ObjStm /N 2 /First 8 /Filter /FlateDecode /Length ${packed.length}>>\nstream\n`),
    packed, Buffer.from('\nendstream\nendobj', 'latin1')]);
  return pdfWith(' /Names 5 0 R', objStm);
}

/** An HTML page with a script, as someone might rename it `照片.jpg`. */
export const HTML_PAGE = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n');

/** The local-file header of a zip archive (what a .docx or .xlsx also starts with). */
export const ZIP_START = hex('504B0304 1400 0000 0800 0000 0000 00000000 00000000 00000000 0100 0000 61');

/** A JPEG segment: marker, big-endian length (counting itself), payload. */
const segment = (marker: number, payload: Buffer) =>
  Buffer.concat([Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);

/** A real JPEG with a segment (a comment, FFFE, or an application segment) inserted right after its SOI marker. */
export const jpegWithSegment = (marker: number, payload: Buffer, jpeg: Buffer = JPEG_1X1) =>
  Buffer.concat([jpeg.subarray(0, 2), segment(marker, payload), jpeg.subarray(2)]);

/** A JPEG + HTML polyglot: a valid image whose comment segment is a page with a script. */
export const JPEG_HTML_POLYGLOT = jpegWithSegment(0xfe, HTML_PAGE);

/** A tiny complete zip archive (one stored file `a.txt` holding `hi`), as a polyglot would carry it. */
export const ZIP_ARCHIVE = hex(`
  504B0304 0A00 0000 0000 0000 0000 AC2A93D8 02000000 02000000 0500 0000 612E747874 6869
  504B0102 1400 0A00 0000 0000 0000 0000 AC2A93D8 02000000 02000000 0500 0000 0000 0000 0000 00000000 00000000 612E747874
  504B0506 0000 0000 0100 0100 33000000 25000000 0000`);

/** A JPEG + ZIP polyglot: the archive in an application segment (APP15), the image still valid. */
export const JPEG_ZIP_POLYGLOT = jpegWithSegment(0xef, ZIP_ARCHIVE);

/** The classic JPEG + ZIP polyglot: the archive after the image's end (zip readers look at the end). */
export const JPEG_THEN_ZIP = Buffer.concat([JPEG_1X1, ZIP_ARCHIVE]);

/** An SVG image with a script, as someone might rename it `照片.jpg`. */
export const SVG_IMAGE = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>\n');

const pngChunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const frame = Buffer.alloc(4);
  frame.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([frame, body, crc]);
};

/**
 * A "pixel flood": a well-formed PNG of a few hundred bytes whose header declares `width × height`
 * grey pixels (its data holds one row only); decoding it as declared would need width × height bytes.
 */
export function pngDeclaring(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, adaptive filtering, not interlaced
  return Buffer.concat([PNG_1X1.subarray(0, 8), pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(width + 1))), pngChunk('IEND', Buffer.alloc(0))]);
}

/** Where the GPS sample was "taken" (Wuhan), as EXIF rationals. */
export const SAMPLE_GPS = { GPSLatitudeRef: 'N', GPSLatitude: '30/1 35/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '114/1 18/1 0/1' };

/**
 * A 4×2 photo as a phone writes it: EXIF with the camera (`TestCam`) and GPS position, and
 * orientation 6 (to be shown turned 90°, so 2×4).
 */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 4, height: 2, channels: 3, background: '#c00' } }).jpeg()
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: SAMPLE_GPS }).withMetadata({ orientation: 6 }).toBuffer();
}
