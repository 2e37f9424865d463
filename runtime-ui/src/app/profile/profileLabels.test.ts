import { describe, expect, it } from 'vitest';
import { realNameLabel, roleNames } from './profileLabels';

describe('profile labels', () => {
  it('names built-in roles, created roles when known, and others as 子账号', () => {
    expect(roleNames(['main'], new Map())).toBe('总账号');
    expect(roleNames(['r1'], new Map([['r1', '人事科']]))).toBe('人事科');
    expect(roleNames(['r2'], new Map())).toBe('子账号');
    expect(roleNames([], new Map())).toBe('—');
  });

  it('names the real-name states', () => {
    expect(realNameLabel('approved').text).toBe('已认证');
    expect(realNameLabel('submitted').text).toBe('待审核');
  });
});
