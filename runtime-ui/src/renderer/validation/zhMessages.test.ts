import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { personSchema } from '../../testing/fixtures';
import { isValidUscc } from './formats';
import { entityValidator } from './validator';
import { localizeErrors } from './zhMessages';

function validate(data: Record<string, unknown>) {
  const { errors } = entityValidator.validateFormData(data, personSchema as RJSFSchema,
    undefined, (list) => localizeErrors(list, personSchema));
  return errors.map((e) => [e.property, e.message]);
}

describe('browser-side validation of a 2020-12 entity schema', () => {
  it('given missing required fields, then each is named by its Chinese title', () => {
    const errors = validate({ documentType: '01', idNumber: 'x', sex: '1', birthDate: '2000-01-01' });
    // rjsf names root fields without the leading dot for `required` only.
    expect(errors).toEqual([['name', '请填写「姓名」。'], ['departmentId', '请填写「所在部门」。']]);
  });

  it('given a bad choice, a bad mobile and a bad pattern, then one Chinese message each (oneOf noise collapsed)', () => {
    const errors = validate({ name: '张三', documentType: '01', idNumber: 'x', sex: '5', birthDate: '2000-01-01',
      departmentId: 'd1', mobile: '123', remarks: 'abc' });
    expect(errors).toEqual([
      ['.sex', '「性别」不是有效的选项，请从下拉列表中选择。'],
      ['.mobile', '「手机号码」应为 11 位中国大陆手机号码（以 1 开头），请核对。'],
      ['.remarks', '「备注」应为 3 位数字。'],
    ]);
  });

  it('given a valid record with the engine\'s x- annotations, then there is no error', () => {
    expect(validate({ name: '张三', documentType: '01', idNumber: '11010519491231002X', sex: '2',
      birthDate: '1949-12-31', departmentId: 'd1', mobile: '13800138000' })).toEqual([]);
  });

  it('given an impossible date, then the date format message is shown', () => {
    const errors = validate({ name: '张三', documentType: '01', idNumber: 'x', sex: '2', birthDate: '2023-02-30', departmentId: 'd1' });
    expect(errors).toEqual([['.birthDate', '「出生日期」应为有效日期，格式为 YYYY-MM-DD（例如 2024-01-31）。']]);
  });
});

describe('isValidUscc', () => {
  it('accepts a code with the right check character (lower case and spaces tolerated) and refuses others', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc(' 91350100m000100y43 ')).toBe(true);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('123')).toBe(false);
  });
});
