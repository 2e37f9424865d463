import { describe, expect, it } from 'vitest';
import { realNameLabel, roleNames } from './profileLabels';

describe('profile labels', () => {
  it('joins the role names of the session, once each', () => {
    expect(roleNames(['总账号'])).toBe('总账号');
    expect(roleNames(['人事科', '医务科', '人事科'])).toBe('人事科、医务科');
    expect(roleNames([])).toBe('—');
  });

  it('names the real-name states', () => {
    expect(realNameLabel('approved').text).toBe('已认证');
    expect(realNameLabel('submitted').text).toBe('待审核');
  });
});
