import { describe, expect, it } from 'vitest';
import { acceptedFormats, sniffMediaType } from './sniff.js';
import { HTML_PAGE, JPEG_1X1, PDF_MINIMAL, PNG_1X1, ZIP_START } from '../testing/index.js';

describe('sniffMediaType', () => {
  it('recognises real JPEG, PNG and PDF files by their bytes', () => {
    expect(sniffMediaType(JPEG_1X1)).toBe('image/jpeg');
    expect(sniffMediaType(PNG_1X1)).toBe('image/png');
    expect(sniffMediaType(PDF_MINIMAL)).toBe('application/pdf');
  });

  it('accepts a PDF whose %%EOF is followed by a little trailing whitespace', () => {
    expect(sniffMediaType(Buffer.concat([PDF_MINIMAL, Buffer.from('\r\n\r\n')]))).toBe('application/pdf');
  });

  it('refuses an HTML page or script, whatever it is named', () => {
    expect(sniffMediaType(HTML_PAGE)).toBeUndefined();
    expect(sniffMediaType(Buffer.from('alert(1)'))).toBeUndefined();
  });

  it('refuses an empty file and a zip', () => {
    expect(sniffMediaType(Buffer.alloc(0))).toBeUndefined();
    expect(sniffMediaType(ZIP_START)).toBeUndefined();
  });

  it('refuses truncated files: a PNG or JPEG cut short, a PDF without its %%EOF', () => {
    expect(sniffMediaType(PNG_1X1.subarray(0, 40))).toBeUndefined();
    expect(sniffMediaType(PNG_1X1.subarray(0, 20))).toBeUndefined();
    expect(sniffMediaType(JPEG_1X1.subarray(0, JPEG_1X1.length - 2))).toBeUndefined();
    expect(sniffMediaType(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n'))).toBeUndefined();
  });

  it('refuses a PNG signature followed by something other than a 13-byte IHDR chunk', () => {
    const broken = Buffer.from(PNG_1X1);
    broken.writeUInt32BE(14, 8);
    expect(sniffMediaType(broken)).toBeUndefined();
  });

  it('refuses HTML that merely starts with the JPEG or PDF magic bytes but lacks the format\'s ending', () => {
    expect(sniffMediaType(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), HTML_PAGE]))).toBeUndefined();
    expect(sniffMediaType(Buffer.concat([Buffer.from('%PDF-'), HTML_PAGE]))).toBeUndefined();
  });

  it('names the accepted formats for messages', () => {
    expect(acceptedFormats()).toBe('JPG、PNG 或 PDF');
  });
});
