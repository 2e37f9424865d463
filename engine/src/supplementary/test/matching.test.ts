import { describe, expect, it } from 'vitest';
import { fileNameStem, matchFileName, NO_ID_NUMBER } from '../index.js';

const persons = [
  { personId: 'p1', name: '陈港生', idNumber: 'H10000001' },
  { personId: 'p2', name: '史密斯', idNumber: 'E1234567' },
  { personId: 'p3', name: '史密斯二', idNumber: 'E12345678' },
  { personId: 'p4', name: '李四', idNumber: '42010219900517123X' },
];
const matched = (fileName: string) => {
  const result = matchFileName(fileName, persons);
  return 'target' in result ? result.target.personId : result.reason;
};

describe('matching a file name to a listed person by ID number', () => {
  it('finds the number anywhere in the name, whatever else the name holds', () => {
    expect(matched('H10000001.jpg')).toBe('p1');
    expect(matched('陈港生_H10000001_补充材料.JPG')).toBe('p1');
    expect(matched('C:\\扫描\\李四 42010219900517123X.jpeg')).toBe('p4');
  });

  it('reads full-width characters and lower case like the stored number (NFKC, upper case)', () => {
    expect(fileNameStem('ｈ１００００００１.jpg')).toBe('H10000001');
    expect(matched('ｈ１００００００１.jpg')).toBe('p1');
    expect(matched('42010219900517123x.jpg')).toBe('p4');
  });

  it('looks at the name without its extension', () => {
    expect(fileNameStem('a.b.H1.jpg')).toBe('A.B.H1');
    expect(matched('补充材料.H10000001')).toBe(NO_ID_NUMBER);
  });

  it('guesses nothing: no number, or the numbers of two persons, is a reason', () => {
    expect(matched('补充材料.jpg')).toBe(NO_ID_NUMBER);
    expect(matched('H1000000.jpg')).toBe(NO_ID_NUMBER);
    expect(matched('H10000001和42010219900517123X.jpg')).toBe('文件名中的证件号码对应多名人员（陈港生、李四）：请让每个文件名只包含一名人员的证件号码。');
  });

  it('does not count a number found only inside a longer listed number', () => {
    expect(matched('E12345678.jpg')).toBe('p3');
    expect(matched('E1234567.jpg')).toBe('p2');
    expect(matched('E1234567_E12345678.jpg')).toMatch(/对应多名人员（史密斯、史密斯二）/);
  });
});
