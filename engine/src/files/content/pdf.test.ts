import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PDF_MINIMAL, PDF_WITH_SCRIPT, pdfWith, pdfWithHiddenAttachment } from '../../testing/index.js';
import { checkPdf } from './pdf.js';

const objectStream = (content: Buffer) => Buffer.concat([Buffer.from(`4 0 obj <</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length ${content.length}>>\r\nstream\r\n`),
  content, Buffer.from('\r\nendstream endobj')]);
const refusal = (bytes: Buffer) => {
  try {
    checkPdf(bytes);
    return undefined;
  } catch (error) {
    return (error as { status: number; items: Array<{ code: string }> });
  }
};

describe('checkPdf: active content in uploaded PDFs', () => {
  it('keeps a plain PDF as it is', () => {
    expect(checkPdf(PDF_MINIMAL)).toBe(PDF_MINIMAL);
    expect(refusal(pdfWith(' /Metadata 4 0 R', '4 0 obj <</Type /Metadata /JSON_like (x) /Subtype /XML>> endobj'))).toBeUndefined();
  });

  it('refuses JavaScript, launch actions, embedded files, rich media and XFA, with 422', () => {
    for (const object of ['<</S /JavaScript /JS (app.alert(1))>>', '<</S /Launch /F (cmd.exe)>>', '<</Type /EmbeddedFile>>',
      '<</Type /RichMedia>>', '<</XFA 5 0 R>>']) {
      expect(refusal(pdfWith(' /OpenAction 4 0 R', `4 0 obj ${object} endobj`))).toMatchObject({ status: 422, items: [{ code: 'PDF_ACTIVE_CONTENT' }] });
    }
  });

  it('sees through #xx escapes in names and into compressed object streams', () => {
    expect(refusal(PDF_WITH_SCRIPT)).toBeDefined();
    expect(refusal(pdfWithHiddenAttachment())).toBeDefined();
    expect(refusal(pdfWith('', objectStream(deflateSync('5 0 <</S /JavaScript>>'))))).toBeDefined();
  });

  it('refuses an object stream that inflates beyond 64 MB (a compression bomb) rather than scan it all', () => {
    expect(refusal(pdfWith('', objectStream(deflateSync(Buffer.alloc(65 * 1024 * 1024), { level: 1 }))))).toMatchObject({ status: 422 });
  });

  it('skips a stream that is not deflate data', () => {
    expect(refusal(pdfWith('', objectStream(Buffer.from('not compressed at all'))))).toBeUndefined();
  });
});
