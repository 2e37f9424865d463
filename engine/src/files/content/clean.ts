import type { MediaType } from '../sniff.js';
import { reencodeImage } from './images.js';
import { checkPdf } from './pdf.js';
import type { CleanContext } from './types.js';

/** What is stored for bytes of a media type (already sniffed): cleaned bytes, or a typed error. */
type Cleaner = (bytes: Buffer, context: CleanContext) => Buffer | Promise<Buffer>;

/** One entry per accepted media type (sniff.ts); the compiler insists that none is missing. */
const CLEANERS: Record<MediaType, Cleaner> = {
  'image/jpeg': (bytes, context) => reencodeImage('image/jpeg', bytes, context),
  'image/png': (bytes, context) => reencodeImage('image/png', bytes, context),
  'application/pdf': (bytes) => checkPdf(bytes),
};

/** The bytes to store for an upload whose content is `mediaType`: images re-encoded, PDFs checked. */
export async function cleanContent(mediaType: MediaType, bytes: Buffer, context: CleanContext): Promise<Buffer> {
  return CLEANERS[mediaType](bytes, context);
}
