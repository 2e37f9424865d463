import type { RJSFValidationError } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { personSchema, VALID_ID_NUMBER } from '../../testing/fixtures';
import { factsFromIdNumber, idDocumentBehaviour } from './idDocumentBehaviour';

describe('factsFromIdNumber', () => {
  const resident = (idNumber: string) => ({ documentType: '01', idNumber });

  it('given a valid 居民身份证 number, then birth date and sex code come from it (the engine\'s own check)', () => {
    expect(factsFromIdNumber(personSchema, resident(VALID_ID_NUMBER))).toEqual({ birthDate: '1949-12-31', sex: '2' });
    expect(factsFromIdNumber(personSchema, resident(' 11010519491231002x '))).toEqual({ birthDate: '1949-12-31', sex: '2' });
  });

  it('given a wrong check character, an impossible date or a short number, then nothing is derived', () => {
    expect(factsFromIdNumber(personSchema, resident('110105194912310021'))).toBeUndefined();
    expect(factsFromIdNumber(personSchema, resident('123'))).toBeUndefined();
  });

  it('given a document type whose number carries no birth date, then nothing is derived', () => {
    expect(factsFromIdNumber(personSchema, { documentType: '03', idNumber: VALID_ID_NUMBER })).toBeUndefined();
  });
});

describe('idDocumentBehaviour', () => {
  it('given a valid ID number typed, then sex and birth date are filled', () => {
    const after = idDocumentBehaviour.onChange!(personSchema, { documentType: '01', idNumber: '1101' }, { name: '王五', documentType: '01', idNumber: VALID_ID_NUMBER });
    expect(after).toEqual({ name: '王五', documentType: '01', idNumber: VALID_ID_NUMBER, sex: '2', birthDate: '1949-12-31' });
  });

  it('given another field changed, then sex and birth date the user chose are left alone', () => {
    const before = { idNumber: VALID_ID_NUMBER, sex: '1' };
    expect(idDocumentBehaviour.onChange!(personSchema, before, { ...before, name: '王五' })).toEqual({ ...before, name: '王五' });
  });

  it('given a filled-in number, then "required" of sex and birth date is left to the server', () => {
    const errors = [
      { name: 'required', property: 'sex', message: '' },
      { name: 'required', property: 'birthDate', message: '' },
      { name: 'required', property: 'name', message: '' },
    ] as RJSFValidationError[];
    const kept = idDocumentBehaviour.filterErrors!(errors, personSchema, { idNumber: '123' });
    expect(kept.map((e) => e.property)).toEqual(['name']);
    expect(idDocumentBehaviour.filterErrors!(errors, personSchema, {})).toHaveLength(3);
  });
});
