import { maskIdNumber } from '../../audit/index.js';
import { validateIdNumber } from '../../schema/idDocuments/index.js';

/** 18 characters shaped like a mainland ID number, not part of a longer run of letters or digits. */
const CANDIDATE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
/** Terminal colours (vitest's output) would otherwise split or hide a number. */
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export interface Leak {
  /** 1-based line of the text. */
  line: number;
  /** The number as it may be shown: masked (110101********1234). */
  masked: string;
}

/**
 * Valid mainland ID numbers (GB 11643: region, birth date and check character, our validator) in
 * a text such as the captured output of a test run. Each is reported masked, never in full.
 */
export function findIdNumbers(text: string): Leak[] {
  const leaks: Leak[] = [];
  text.replace(ANSI, '').split('\n').forEach((content, index) => {
    for (const match of content.matchAll(CANDIDATE)) {
      if (validateIdNumber('residentId', match[0]).ok) leaks.push({ line: index + 1, masked: maskIdNumber(match[0].toUpperCase()) });
    }
  });
  return leaks;
}
