import type { RJSFValidationError } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { personSchema, VALID_ID_NUMBER } from '../../testing/fixtures';
import { factsFromIdNumber, idDocumentBehaviour } from './idDocumentBehaviour';

describe('factsFromIdNumber', () => {
  it('given a valid 18-character number, then birth date and sex code come from it', () => {
    expect(factsFromIdNumber(VALID_ID_NUMBER)).toEqual({ birthDate: '1949-12-31', sex: '2' });
    expect(factsFromIdNumber(' 11010519491231002x ')).toEqual({ birthDate: '1949-12-31', sex: '2' });
  });

  it('given a wrong check character, an impossible date or a short number, then nothing is derived', () => {
    expect(factsFromIdNumber('110105194912310021')).toBeUndefined();
    expect(factsFromIdNumber('123')).toBeUndefined();
    expect(factsFromIdNumber('E12345678')).toBeUndefined();
  });
});

describe('idDocumentBehaviour', () => {
  it('given a valid ID number typed, then sex and birth date are filled', () => {
    const after = idDocumentBehaviour.onChange!(personSchema, { idNumber: '1101' }, { name: '王五', idNumber: VALID_ID_NUMBER });
    expect(after).toEqual({ name: '王五', idNumber: VALID_ID_NUMBER, sex: '2', birthDate: '1949-12-31' });
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
