import { describe, expect, it } from 'vitest';
import { residentId } from '../../../testing/index.js';
import { findIdNumbers } from '../index.js';

describe('finding ID numbers in captured output', () => {
  const valid = residentId('1990-05-17', '123');

  it('reports valid ID numbers masked, by line, whatever surrounds or colours them', () => {
    const text = `ok\n{"idNumber":"${valid}"}\n\u001b[31m${valid.slice(0, 9)}\u001b[39m${valid.slice(9)} again`;
    expect(findIdNumbers(text)).toEqual([{ line: 2, masked: `${valid.slice(0, 6)}********${valid.slice(-4)}` },
      { line: 3, masked: `${valid.slice(0, 6)}********${valid.slice(-4)}` }]);
  });

  it('ignores what only looks like one: a wrong check character, an impossible date, longer digit runs, masked numbers', () => {
    const wrongCheck = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;
    const text = [wrongCheck, '420102199013171234', `9${valid}`, `${valid.slice(0, 6)}********${valid.slice(-4)}`].join('\n');
    expect(findIdNumbers(text)).toEqual([]);
  });

  it('finds one with a lower-case check character', () => {
    for (let sequence = 100; sequence < 200; sequence += 1) {
      const id = residentId('1988-03-01', String(sequence));
      if (id.endsWith('X')) {
        expect(findIdNumbers(`x ${id.toLowerCase()} y`)).toHaveLength(1);
        return;
      }
    }
    throw new Error('no ID number ending in X among the sequences tried');
  });
});
