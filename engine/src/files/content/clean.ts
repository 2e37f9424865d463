import type { MediaType } from '../sniff.js';
import { reencodeImage } from './images.js';
import { checkPdf } from './pdf.js';
import type { ContentLimits } from './types.js';

/** What is stored for bytes of a media type (already sniffed): cleaned bytes, or a typed error. */
type Cleaner = (bytes: Buffer, limits: ContentLimits) => Buffer | Promise<Buffer>;

/** One entry per accepted media type (sniff.ts); the compiler insists that none is missing. */
const CLEANERS: Record<MediaType, Cleaner> = {
  'image/jpeg': (bytes, limits) => reencodeImage('image/jpeg', bytes, limits),
  'image/png': (bytes, limits) => reencodeImage('image/png', bytes, limits),
  'application/pdf': (bytes) => checkPdf(bytes),
};

/** The bytes to store for an upload whose content is `mediaType`: images re-encoded, PDFs checked. */
export async function cleanContent(mediaType: MediaType, bytes: Buffer, limits: ContentLimits): Promise<Buffer> {
  return CLEANERS[mediaType](bytes, limits);
}
