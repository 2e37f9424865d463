import { TooManyRequestsError } from '../errors/index.js';
import type { LoginThrottle } from './LoginThrottle.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import type { LockoutRules } from './policy/index.js';

export type CheckResult =
  | { outcome: 'ok' }
  | { outcome: 'wrong'; remaining: number; lockedUntil?: string }
  | { outcome: 'locked'; lockedUntil: string };

/** Longest time a check waits for a free attempt slot before answering 429. */
const MAX_WAIT_MS = 15_000;
/** Re-try interval for slots freed by another engine process (this process wakes waiters itself). */
const POLL_MS = 50;

/** A check's outcome for the lockout: `partial` is a right password that still needs a second factor. */
export interface AttemptOptions { partialSuccess?: boolean }

/**
 * Every password check of the engine goes through here (login, password change): it reserves an
 * attempt, verifies (against a dummy hash when the account does not exist, so timing tells
 * nothing), and records the outcome. Second-factor codes go through `attempt` too, so that wrong
 * passwords and wrong codes count toward the same lockout. `checks` counts argon2 verifications of
 * passwords, for tests and metrics.
 */
export class PasswordChecker {
  checks = 0;
  private readonly waiters = new Map<string, Array<() => void>>();

  constructor(private readonly throttle: LoginThrottle) {}

  check(key: string, passwordHash: string | undefined, password: string, rules: LockoutRules,
    options: AttemptOptions = {}): Promise<CheckResult> {
    return this.attempt(key, rules, () => {
      this.checks += 1;
      return passwordHash ? verifyPassword(passwordHash, password) : verifyAgainstDummy(password);
    }, options);
  }

  /** Runs `verify` within one reserved attempt of the username's lockout. */
  async attempt(key: string, rules: LockoutRules, verify: () => Promise<boolean>, options: AttemptOptions = {}): Promise<CheckResult> {
    const deadline = Date.now() + MAX_WAIT_MS;
    for (;;) {
      const reservation = await this.throttle.reserve(key, rules);
      if (reservation.status === 'locked') return { outcome: 'locked', lockedUntil: reservation.lockedUntil };
      if (reservation.status === 'reserved') return this.verifyReserved(key, verify, rules, options);
      if (Date.now() > deadline) throw new TooManyRequestsError('登录请求过于频繁，请稍后再试。');
      await this.waitForSlot(key);
    }
  }

  private async verifyReserved(key: string, verify: () => Promise<boolean>, rules: LockoutRules,
    options: AttemptOptions): Promise<CheckResult> {
    const ok = await verify().catch(async (error: unknown) => {
      await this.finish(key, false, rules);
      throw error;
    });
    const after = await this.finish(key, ok && options.partialSuccess ? 'partial' : ok, rules);
    if (ok) return { outcome: 'ok' };
    return after.lockedUntil
      ? { outcome: 'wrong', remaining: 0, lockedUntil: after.lockedUntil }
      : { outcome: 'wrong', remaining: Math.max(0, rules.maxFailures - after.failures) };
  }

  private async finish(key: string, ok: boolean | 'partial', rules: LockoutRules) {
    try {
      return await this.throttle.release(key, ok, rules);
    } finally {
      this.wake(key);
    }
  }

  private waitForSlot(key: string): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, POLL_MS);
      const list = this.waiters.get(key) ?? [];
      list.push(done);
      this.waiters.set(key, list);
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  private wake(key: string): void {
    const list = this.waiters.get(key);
    this.waiters.delete(key);
    for (const resume of list ?? []) resume();
  }
}
