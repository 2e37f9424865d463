import { describe, expect, it } from 'vitest';
import { returnPath } from './returnPath';

describe('returnPath', () => {
  it('given the designer sent the user to log in, then the designer page (with its hash) is where they return', () => {
    expect(returnPath('?next=%2Fdesigner%2F%23%2Fruleset%2Fprobation-2024')).toBe('/designer/#/ruleset/probation-2024');
  });

  it('given any other target (another site, a protocol-relative or backslash trick, nothing), then nothing is followed', () => {
    expect(returnPath('?next=https%3A%2F%2Fevil.example%2Fdesigner%2F')).toBeUndefined();
    expect(returnPath('?next=%2F%2Fevil.example%2Fdesigner%2F')).toBeUndefined();
    expect(returnPath('?next=%2Fdesigner%2F%5C%5Cevil.example')).toBeUndefined();
    expect(returnPath('?next=%2Fdata%2Fperson')).toBeUndefined();
    expect(returnPath('')).toBeUndefined();
  });
});
