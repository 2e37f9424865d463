import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { EntityValidator } from './validator';

/** Like the engine's department: 科室标准名称 is required exactly when the category is 1 (if/then). */
const department = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'category'],
  properties: {
    name: { type: 'string', title: '部门名称', maxLength: 4 },
    category: { type: 'string', title: '类别', oneOf: [{ const: '1', title: '科室' }, { const: '2', title: '职能' }] },
    standardName: { type: 'string', title: '科室标准名称' },
    order: { type: 'integer', title: '排序号', minimum: 0 },
    branches: { type: 'array', title: '分院', items: { type: 'object', required: ['name'], properties: { name: { type: 'string', title: '分院名称' } } } },
  },
  if: { required: ['category'], properties: { category: { const: '1' } } },
  then: { required: ['standardName'] },
} as RJSFSchema;

const validator = new EntityValidator();
const errorsOf = (data: unknown) => validator.validateFormData(data, department).errors
  .map((e) => [e.name, e.property, e.params]);

describe('EntityValidator (interpreting, no code generation)', () => {
  it('given a conditional requirement, then it applies only when its condition holds', () => {
    expect(errorsOf({ name: '内科', category: '1' })).toEqual([['required', 'standardName', { missingProperty: 'standardName' }]]);
    expect(errorsOf({ name: '医务科', category: '2' })).toEqual([]);
  });

  it('given limits, types, unknown fields and nested items, then each error has rjsf\'s path and ajv\'s params', () => {
    const errors = errorsOf({ name: '心血管内科', category: '2', order: -1.5, extra: 1, branches: [{}] });
    expect(errors).toHaveLength(5);
    expect(errors).toEqual(expect.arrayContaining([
      ['additionalProperties', '', { additionalProperty: 'extra' }],
      ['maxLength', '.name', { limit: 4 }],
      ['type', '.order', { type: 'integer' }],
      ['minimum', '.order', { limit: 0 }],
      ['required', '.branches.0.name', { missingProperty: 'name' }],
    ]));
  });

  it('given an option schema, then isValid tells whether the data matches it (as rjsf asks for if/then and oneOf)', () => {
    expect(validator.isValid({ properties: { category: { const: '1' } } } as RJSFSchema, { category: '1' }, department)).toBe(true);
    expect(validator.isValid({ properties: { category: { const: '1' } } } as RJSFSchema, { category: '2' }, department)).toBe(false);
  });

  it('leaves the schema it was given untouched', () => {
    const copy = JSON.parse(JSON.stringify(department));
    validator.validateFormData({}, department);
    expect(department).toEqual(copy);
    expect(Object.getOwnPropertyNames(department)).toEqual(Object.getOwnPropertyNames(copy));
  });
});
