import { randomInt } from 'node:crypto';
import { hashPassword, verifyPassword } from '../passwords.js';

/** Ten one-time codes per enrolment, shown once. */
export const RECOVERY_CODE_COUNT = 10;
/** Letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 10;

/** `abcde-fghjk`: 10 random characters of 31 (≈ 49 bits), grouped for reading aloud and typing. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** What the user typed, without spaces, hyphens and letter case; undefined when it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | undefined {
  const code = input.normalize('NFKC').toLowerCase().replace(/[\s-]/g, '');
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined;
}

/** Stored as argon2id hashes, like passwords. */
export const hashRecoveryCode = (code: string): Promise<string> => hashPassword(normalizeRecoveryCode(code) ?? code);

/** The id of the stored code that `code` (normalized) matches, if any. */
export async function findRecoveryCode(stored: Array<{ id: string; codeHash: string }>, code: string): Promise<string | undefined> {
  for (const { id, codeHash } of stored) {
    if (await verifyPassword(codeHash, code)) return id;
  }
  return undefined;
}
