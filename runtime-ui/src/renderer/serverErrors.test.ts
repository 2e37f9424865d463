import { describe, expect, it } from 'vitest';
import { personSchema } from '../testing/fixtures';
import { clearChangedFieldErrors, toFormErrors } from './serverErrors';

describe('toFormErrors', () => {
  it('given errors with field paths, then each lands under its field, shaped like the data', () => {
    const result = toFormErrors([
      { code: 'idDocument', message: '居民身份证号码应为18位', path: '/idNumber' },
      { code: 'required', message: '请填写「所在部门」。', path: '/departmentId' },
      { code: 'DUPLICATE', message: '本机构已有人员「张三」使用相同的证件号码', path: '/idNumber' },
    ], personSchema);

    expect(result.extraErrors).toEqual({
      idNumber: { __errors: ['居民身份证号码应为18位', '本机构已有人员「张三」使用相同的证件号码'] },
      departmentId: { __errors: ['请填写「所在部门」。'] },
    });
    expect(result.messages).toEqual([]);
  });

  it('given errors without a path or naming no field of the form, then they become top messages, once each', () => {
    const result = toFormErrors([
      { code: 'STALE_VERSION', message: '记录已被他人修改' },
      { code: 'additionalProperties', message: '不支持的字段「foo」', path: '/foo' },
      { code: 'X', message: '记录已被他人修改', path: '' },
    ], personSchema);

    expect(result.extraErrors).toEqual({});
    expect(result.messages).toEqual(['记录已被他人修改', '不支持的字段「foo」']);
  });

  it('given nested and escaped pointers, then array indexes and ~1 are followed', () => {
    const schema = { type: 'object', properties: { branches: { type: 'array', items: { type: 'object',
      properties: { 'a/b': { type: 'string' } } } } } };
    const result = toFormErrors([{ code: 'pattern', message: '格式不对', path: '/branches/1/a~1b' }], schema);
    expect(result.extraErrors).toEqual({ branches: { 1: { 'a/b': { __errors: ['格式不对'] } } } });
  });

  it('given no schema, then every error with a path is taken as a field error', () => {
    expect(toFormErrors([{ code: 'x', message: 'm', path: '/anything' }]).extraErrors)
      .toEqual({ anything: { __errors: ['m'] } });
  });
});

describe('clearChangedFieldErrors', () => {
  it('given a server error on a field, when the user changes that field, then only its error goes', () => {
    const errors = { idNumber: { __errors: ['错'] }, name: { __errors: ['也错'] } };
    const next = clearChangedFieldErrors(errors, { idNumber: '1', name: '张三' }, { idNumber: '12', name: '张三' });
    expect(next).toEqual({ name: { __errors: ['也错'] } });
  });

  it('given nothing relevant changed, then the same object is returned', () => {
    const errors = { name: { __errors: ['错'] } };
    expect(clearChangedFieldErrors(errors, { name: 'a', x: 1 }, { name: 'a', x: 2 })).toBe(errors);
  });
});
