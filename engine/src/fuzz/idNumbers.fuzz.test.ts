import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idValidators, validateIdNumber } from '../schema/idDocuments/index.js';
import { boundMemory, MEMORY_BOUND_MIB } from './memory.js';
import { prototypeSnapshot } from './prototype.js';

const keys = Object.keys(idValidators);
/** Strings like ID numbers (digits, X, letters, separators, full-width forms) and anything at all. */
const idLike = fc.oneof(
  fc.stringMatching(/^[0-9Xx]{0,20}$/),
  fc.stringMatching(/^[A-Za-z0-9（）()\- ]{0,24}$/),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
);

/** Property-based: the ID-number validators answer every input with a verdict, never an exception. */
const sampleMemory = boundMemory({ beforeEach, afterEach },
  (peak) => expect(peak, 'memory growth over the run, MiB').toBeLessThan(MEMORY_BOUND_MIB));

describe('ID-number validators under arbitrary input', () => {
  it('return ok or a Chinese message without the number, for every validator and string, quickly', () => {
    const before = prototypeSnapshot();
    fc.assert(fc.property(fc.constantFrom(...keys, 'noSuchValidator'), idLike, (key, raw) => {
      const started = performance.now();
      const result = validateIdNumber(key, raw, { today: '2026-12-02' });
      expect(performance.now() - started).toBeLessThan(500); // a generous bound: catastrophic backtracking takes far longer
      sampleMemory();
      if (result.ok) return;
      expect(result.message).toMatch(/[\u4e00-\u9fff]/);
      const digits = raw.replace(/\s/g, '');
      if (digits.length >= 6) expect(result.message).not.toContain(digits);
    }), { numRuns: 3000 });
    expect(prototypeSnapshot()).toEqual(before);
  });

  it('refuse anything that is not a string with the same typed verdict', () => {
    fc.assert(fc.property(fc.constantFrom(...keys), fc.anything(), (key, raw) => {
      fc.pre(typeof raw !== 'string');
      expect(validateIdNumber(key, raw as string)).toMatchObject({ ok: false, code: 'notString' });
      sampleMemory();
    }), { numRuns: 500 });
  });
});
