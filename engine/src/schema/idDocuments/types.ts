/**
 * Shared types for ID-document number validation (reference: dictionaries.md §12).
 * Everything here treats an ID number as a string of characters, never as a JS number.
 */

/** Extra facts from the form that some checks use. */
export interface IdCheckContext {
  /** Nationality/region, GB/T 2659 alpha-3 (CHN, HKG, MAC, TWN, ...); a 3-digit numeric code is also accepted. */
  nationality?: string;
  /** Reference day `YYYY-MM-DD` for the "birth date not in the future" check; default = local today. */
  today?: string;
}

/** GB/T 2261.1 sex code: '1' male, '2' female. */
export type IdSex = '1' | '2';

/** Stable English reason codes; the Chinese message is for people, the code is for programs. */
export type IdErrorCode =
  | 'notString'
  | 'unknownValidator'
  | 'empty'
  | 'length'
  | 'format'
  | 'legacy15'
  | 'legacyFormat'
  | 'region'
  | 'wrongDocumentType'
  | 'birthDate'
  | 'checkDigit'
  | 'nationalityMismatch';

export interface IdCheckOk {
  ok: true;
  /** `YYYY-MM-DD`, when the number encodes a birth date. */
  birthDate?: string;
  sex?: IdSex;
}

export interface IdCheckError {
  ok: false;
  code: IdErrorCode;
  /** Chinese, user-facing; never contains the ID number itself. */
  message: string;
}

export type IdCheckResult = IdCheckOk | IdCheckError;

/** A validator receives an already normalised number (see normalizeIdNumber). */
export type IdValidator = (normalized: string, context: IdCheckContext) => IdCheckResult;

export type IdValidatorKey =
  | 'residentId'
  | 'hkMacauPermit'
  | 'taiwanPermit'
  | 'hkMacauTaiwanResidence'
  | 'foreignPermanentResidence'
  | 'passport'
  | 'freeText';

export function fail(code: IdErrorCode, message: string): IdCheckError {
  return { ok: false, code, message };
}

/** Number of user-visible characters (code points), for "当前为N位" messages. */
export function charCount(value: string): number {
  return [...value].length;
}

/** Upper-cased, trimmed nationality from the context, or '' when absent. */
export function contextNationality(context: IdCheckContext): string {
  return (context.nationality ?? '').trim().toUpperCase();
}
