/**
 * Input normalisation for ID numbers typed or pasted by clerks.
 */

// Whitespace plus the zero-width characters that copy-paste from web pages / Word often carries.
const REMOVABLE = /[\s\u200B-\u200D\u2060\uFEFF]/g;

/**
 * NFKC (full-width digits/letters/brackets → half-width), trim, remove inner spaces,
 * upper-case (so a lower-case check character x becomes X).
 * The result is still a string; an ID number is never turned into a JS number.
 */
export function normalizeIdNumber(raw: string): string {
  return raw.normalize('NFKC').trim().replace(REMOVABLE, '').toUpperCase();
}
