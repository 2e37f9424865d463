import type { PasswordPolicy } from '../../api';
import { useAppServices } from '../AppServices';
import { useLoadable, type Loadable } from '../common';

/** The password rules in force (`GET /api/auth/password-policy`), loaded once per page. */
export function usePasswordPolicy(): Loadable<PasswordPolicy> {
  const { api } = useAppServices();
  return useLoadable(() => api.passwordPolicy(), [api]);
}

/** The help lines: the policy's rules, then what happens after too many wrong passwords. */
export function policyHelpLines(policy: PasswordPolicy): string[] {
  const { maxFailures, lockMinutes } = policy.lockout;
  const lockout = maxFailures > 0 ? [`密码连续输错 ${maxFailures} 次，账号将被锁定 ${lockMinutes} 分钟`] : [];
  return [...policy.rules, ...lockout];
}
