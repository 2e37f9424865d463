import { describe, expect, it } from 'vitest';
import { policyHelpLines } from './usePasswordPolicy';

describe('policyHelpLines', () => {
  it('lists the server\'s rules, then the lockout', () => {
    const lines = policyHelpLines({ key: 'password-guide', title: '密码策略', rules: ['长度 8～64 位', '不能包含账号名'],
      lockout: { maxFailures: 5, lockMinutes: 30 } });
    expect(lines).toEqual(['长度 8～64 位', '不能包含账号名', '密码连续输错 5 次，账号将被锁定 30 分钟']);
  });
});
