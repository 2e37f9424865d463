import { extensionsOf, type MediaType } from './sniff.js';

/** Longest stored file name, in code points (the `files.filename` column). */
export const MAX_FILENAME_LENGTH = 200;
const FALLBACK_NAME = '附件';

/** Control, format (bidi overrides, zero-width), lone surrogate and line/paragraph separator characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
/** Characters Windows refuses in file names (a downloaded copy must be savable). */
const RESERVED = /[<>:"|?*]/g;
/** A trailing extension: a dot, then 1–10 ASCII letters and digits with at least one letter. */
const EXTENSION = /\.(?=[0-9A-Za-z]*[A-Za-z])([0-9A-Za-z]{1,10})$/;

/**
 * The name an upload is stored and served under: only the last path segment, without control or
 * invisible characters, whitespace runs as one space, no leading dots, Windows-safe, at most 200
 * code points. Chinese (and any other script) is kept. The extension is made to fit the real
 * content type: `报名表.jpg` holding a PNG becomes `报名表.png`, a name without one gets it.
 */
export function safeFilename(raw: string, mediaType: MediaType): string {
  const lastSegment = raw.normalize('NFC').split(/[/\\]/).at(-1) ?? '';
  const cleaned = lastSegment.replace(/\s+/gu, ' ').replace(INVISIBLE, '').replace(RESERVED, '_').replace(/[.\s]+$/, '');
  const extensions = extensionsOf(mediaType);
  const match = EXTENSION.exec(cleaned);
  const given = match?.[1];
  const extension = given && extensions.includes(given.toLowerCase()) ? given : extensions[0]!;
  const base = (match ? cleaned.slice(0, match.index) : cleaned).replace(/^[.\s]+|[.\s]+$/g, '') || FALLBACK_NAME;
  const room = MAX_FILENAME_LENGTH - extension.length - 1;
  return `${Array.from(base).slice(0, room).join('').trimEnd()}.${extension}`;
}
