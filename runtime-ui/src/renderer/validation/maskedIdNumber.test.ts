import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import person from '../../../../definitions/entities/person.json';
import { EntityValidator } from './validator';

/**
 * A user without 查看完整证件号码 edits a person whose ID number the engine sent masked
 * (110101********1234); the form sends it back unchanged and the engine keeps the stored number.
 * The browser's validation must let such a form be saved.
 */
describe('a masked ID number in the edit form', () => {
  it('given the masked value of an x-sensitive field, then the form validation raises nothing about it', () => {
    const schema = person.schema as unknown as RJSFSchema;
    const data = { name: '沈密', documentType: '01', idNumber: '420102********7314', nationality: 'CHN', employmentStatus: '1' };
    const errors = new EntityValidator().validateFormData(data, schema).errors;
    expect(errors.filter((e) => String(e.property).includes('idNumber'))).toEqual([]);
  });
});
