import type { Knex } from 'knex';
import type { Actor } from '../access/index.js';
import { writeAudit, type AuditAction } from '../audit/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { AccountModel, Database } from '../db/index.js';
import { ValidationError, type ErrorItem } from '../errors/index.js';
import type { AccountPolicies } from './AccountPolicies.js';
import { lockedError } from './messages.js';
import type { PasswordChecker } from './PasswordChecker.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { checkPasswordRules, type PolicyFailure } from './policy/index.js';
import type { SessionStore } from './SessionStore.js';

export interface PasswordServiceDeps {
  db: Database;
  checker: PasswordChecker;
  policies: AccountPolicies;
  sessions: SessionStore;
  clock: Clock;
  defaultPassword: string;
  /** Called when an account's sessions or identity change (the identity cache forgets it). */
  forgetAccount: (accountId: string) => void;
}

/** Policy failures as API errors under the field that holds the new password (`newPassword` or `password`). */
const policyErrors = (failures: PolicyFailure[], field: string): ErrorItem[] => failures.map((f): ErrorItem => ({
  code: 'PASSWORD_POLICY', rule: f.rule, message: f.message, path: f.rule === 'confirm' ? '/confirmPassword' : `/${field}` }));

/** New passwords under the policy in force: first-login and voluntary changes, resets by administrators. */
export class PasswordService {
  constructor(private readonly deps: PasswordServiceDeps) {}

  /** The account policy in force. */
  policy() {
    return this.deps.policies.current();
  }

  /** Policy failures of a new password for an account (reuse included when the account exists). */
  async failuresOf(account: { id?: string; username: string; passwordHash?: string }, password: string,
    confirm: string): Promise<PolicyFailure[]> {
    const { password: rules } = this.deps.policies.current();
    const failures = checkPasswordRules({ password, confirm, username: account.username, defaultPassword: this.deps.defaultPassword }, rules);
    if (account.id && account.passwordHash && rules.historyCount > 0 && await this.isRecent(account.id, account.passwordHash, password, rules.historyCount)) {
      failures.push({ rule: 'reuse', message: `新密码不能与最近 ${rules.historyCount} 次使用过的密码相同。` });
    }
    return failures;
  }

  /** Problems of a password an administrator sets (`/password`, `/confirmPassword`); none for the default one. */
  async problemsOfSetPassword(account: { id?: string; username: string; passwordHash?: string }, password: string | undefined,
    confirm?: string): Promise<ErrorItem[]> {
    if (password === undefined) return [];
    return policyErrors(await this.failuresOf(account, password, confirm ?? password), 'password');
  }

  /** Hash of a password an administrator sets (or the default one), checked against the policy. */
  async hashForAccount(account: { id?: string; username: string; passwordHash?: string }, password: string | undefined,
    confirm?: string): Promise<string> {
    const problems = await this.problemsOfSetPassword(account, password, confirm);
    if (problems.length > 0) throw new ValidationError(problems);
    return hashPassword(password ?? this.deps.defaultPassword);
  }

  /**
   * The user's own change: the old password is a password check like a login (it counts
   * towards lockout, and locking ends every session of the account).
   */
  async change(account: AccountModel, sessionId: string, actor: Actor, body: Record<string, unknown>): Promise<void> {
    const { oldPassword, newPassword, confirmPassword } = body;
    if (typeof oldPassword !== 'string' || typeof newPassword !== 'string' || typeof confirmPassword !== 'string') {
      throw new ValidationError([{ code: 'required', path: '/newPassword', message: '请填写原密码、新密码和确认密码。' }]);
    }
    const policy = this.deps.policies.current();
    const result = await this.deps.checker.check(account.usernameKey, account.passwordHash, oldPassword, policy.lockout);
    if (result.outcome !== 'ok') {
      await writeAudit(this.deps.db.knex, actor, { action: 'auth.passwordChange', details: { result: 'wrongOldPassword' } }, isoNow(this.deps.clock));
      const { lockedUntil } = result;
      if (lockedUntil) {
        await this.endSessions(account.id);
        throw lockedError(lockedUntil);
      }
      throw new ValidationError([{ code: 'WRONG_PASSWORD', path: '/oldPassword', message: '原密码不正确，请重新输入。' }]);
    }
    const failures = await this.failuresOf(account, newPassword, confirmPassword);
    if (failures.length > 0) throw new ValidationError(policyErrors(failures, 'newPassword'));
    await this.store(account, await hashPassword(newPassword), { mustChange: false, keepSessionId: sessionId, actor,
      action: 'auth.passwordChange', details: { result: 'success' } });
  }

  /** An administrator's reset: the new (or default) password must be changed at the next login. */
  async reset(account: AccountModel, actor: Actor, password?: string, confirm?: string): Promise<void> {
    const passwordHash = await this.hashForAccount(account, password, confirm);
    await this.store(account, passwordHash, { mustChange: true, actor, action: 'account.passwordReset',
      details: { target: account.username, toDefault: password === undefined } });
  }

  private async isRecent(accountId: string, currentHash: string, password: string, historyCount: number): Promise<boolean> {
    const history = await this.deps.db.knex('password_history').where('account_id', accountId)
      .orderBy('id', 'desc').limit(historyCount - 1).pluck('password_hash') as string[];
    for (const previous of [currentHash, ...history]) {
      if (await verifyPassword(previous, password)) return true;
    }
    return false;
  }

  private async store(account: AccountModel, passwordHash: string, options: { mustChange: boolean; keepSessionId?: string;
    actor: Actor; action: AuditAction; details?: Record<string, unknown> }): Promise<void> {
    const now = isoNow(this.deps.clock);
    await this.deps.db.knex.transaction(async (trx) => {
      await trx('password_history').insert({ account_id: account.id, password_hash: account.passwordHash, created_at: now });
      await this.deps.db.models.Account.query(trx).patch({ passwordHash, mustChangePassword: options.mustChange, passwordChangedAt: now })
        .where('id', account.id);
      await this.endSessions(account.id, options.keepSessionId, trx);
      await writeAudit(trx, options.actor, { action: options.action, ...(options.details ? { details: options.details } : {}) }, now);
    });
  }

  private async endSessions(accountId: string, keepSessionId?: string, trx?: Knex.Transaction): Promise<void> {
    await this.deps.sessions.destroyOthers(accountId, keepSessionId, trx);
    this.deps.forgetAccount(accountId);
  }
}
