/**
 * Content checks of uploads: the media type is decided from the bytes alone (magic numbers and
 * the format's own framing), never from the file name or the client's Content-Type.
 *
 * - A file whose extension disagrees with its content (a PNG named `.jpg`) is accepted under its
 *   real type; the stored name then gets the real type's extension (see `filename.ts`).
 * - Anything that is not one of the accepted formats is refused, however it is named: an HTML page
 *   or script renamed `.jpg`, a zip, an empty or truncated file.
 * Files are served later with their detected type and `X-Content-Type-Options: nosniff`, so a
 * browser never reinterprets them.
 */
export type MediaType = 'image/jpeg' | 'image/png' | 'application/pdf';

interface FileType {
  mediaType: MediaType;
  /** How users know the format (in messages). */
  label: string;
  /** Lowercase extensions without the dot; the first is the canonical one. */
  extensions: string[];
  matches(bytes: Buffer): boolean;
}

const startsWith = (bytes: Buffer, prefix: number[] | string): boolean => {
  const expected = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : Buffer.from(prefix);
  return bytes.length >= expected.length && bytes.subarray(0, expected.length).equals(expected);
};
const endsWith = (bytes: Buffer, suffix: number[]): boolean =>
  bytes.length >= suffix.length && bytes.subarray(bytes.length - suffix.length).equals(Buffer.from(suffix));

/** SOI, then a marker (APPn, DQT, SOFn, COM …), and the EOI marker as the very last bytes. */
function isJpeg(bytes: Buffer): boolean {
  return bytes.length >= 6 && startsWith(bytes, [0xff, 0xd8, 0xff]) && bytes[3]! >= 0xc0 && bytes[3]! < 0xff
    && endsWith(bytes, [0xff, 0xd9]);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IEND = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** Signature, a first IHDR chunk of length 13 with a non-zero size, and the IEND chunk at the end. */
function isPng(bytes: Buffer): boolean {
  if (bytes.length < PNG_SIGNATURE.length + 25 + PNG_IEND.length || !startsWith(bytes, PNG_SIGNATURE)) return false;
  const ihdr = bytes.readUInt32BE(8) === 13 && bytes.toString('latin1', 12, 16) === 'IHDR';
  return ihdr && bytes.readUInt32BE(16) > 0 && bytes.readUInt32BE(20) > 0 && endsWith(bytes, PNG_IEND);
}

/** `%PDF-` at the start and `%%EOF` within the last 1024 bytes (where readers look for it). */
function isPdf(bytes: Buffer): boolean {
  return startsWith(bytes, '%PDF-') && bytes.subarray(Math.max(0, bytes.length - 1024)).includes('%%EOF', 0, 'latin1');
}

/** The accepted formats; a new one is a new entry here (messages list them from here). */
const FILE_TYPES: FileType[] = [
  { mediaType: 'image/jpeg', label: 'JPG', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], matches: isJpeg },
  { mediaType: 'image/png', label: 'PNG', extensions: ['png'], matches: isPng },
  { mediaType: 'application/pdf', label: 'PDF', extensions: ['pdf'], matches: isPdf },
];

/** The media type the bytes really are, or undefined when they are not an accepted format. */
export function sniffMediaType(bytes: Buffer): MediaType | undefined {
  return FILE_TYPES.find((type) => type.matches(bytes))?.mediaType;
}

/** The extensions that fit a media type, canonical first. */
export function extensionsOf(mediaType: MediaType): string[] {
  return FILE_TYPES.find((type) => type.mediaType === mediaType)?.extensions ?? [];
}

/** The accepted formats in words, for messages: `JPG、PNG 或 PDF`. */
export function acceptedFormats(): string {
  const labels = FILE_TYPES.map((type) => type.label);
  return labels.length < 2 ? labels.join('') : `${labels.slice(0, -1).join('、')} 或 ${labels.at(-1)}`;
}
