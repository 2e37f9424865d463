import type { Knex } from 'knex';
import type { Actor } from '../../access/index.js';
import { writeAudit, type AuditEntry } from '../../audit/index.js';
import { isoNow, type Clock } from '../../clock/index.js';
import type { AccountModel, Database } from '../../db/index.js';
import type { AccountPolicies } from '../AccountPolicies.js';
import type { PasswordChecker } from '../PasswordChecker.js';
import type { SessionStore } from '../SessionStore.js';
import { alreadyEnabled, codeLocked, codeMissing, invalidCode, notEnabled, notPending, requiredByPolicy, wrongEnrolmentCode,
  wrongPassword } from './messages.js';
import { findRecoveryCode, hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './recoveryCodes.js';
import { enrolmentOf, isTotpCode, matchingStep, newTotpSecret } from './totp.js';
import type { TwoFactorPolicy } from './TwoFactorPolicy.js';
import type { TwoFactorStore } from './TwoFactorStore.js';

export interface TwoFactorServiceDeps {
  db: Database;
  store: TwoFactorStore;
  policy: TwoFactorPolicy;
  checker: PasswordChecker;
  policies: AccountPolicies;
  sessions: SessionStore;
  clock: Clock;
  forgetAccount: (accountId: string) => void;
}

export type SecondFactor = 'totp' | 'recovery';
/** Why a code check is made: a login, or a change the account makes with its code. */
type Purpose = 'login' | 'disable' | 'recoveryCodes';

/** How long the code of a login may take after its password. */
const CHALLENGE_TTL_MS = 5 * 60_000;

const stringOf = (value: unknown) => typeof value === 'string' && value.trim() && value.length <= 64 ? value.trim() : undefined;

/**
 * Two-factor login with TOTP (RFC 6238) and recovery codes (issue 9, point 6): enrolment, the code
 * check of a login, disabling, an administrator's reset. Every code check is an attempt of the
 * account's lockout (wrong passwords and wrong codes lock together); a time step or recovery code
 * is accepted once.
 */
export class TwoFactorService {
  constructor(private readonly deps: TwoFactorServiceDeps) {}

  private now = () => isoNow(this.deps.clock);
  private audit = (trx: Knex | Knex.Transaction, actor: Actor, entry: AuditEntry) => writeAudit(trx, actor, entry, this.now());

  /** Whether the policy requires a second factor of this actor, and whether it has one. */
  async status(account: AccountModel, actor: Actor) {
    const row = await this.deps.store.get(account.id);
    return { enabled: row?.status === 'active', pending: row?.status === 'pending', required: this.deps.policy.requires(actor),
      recoveryCodesLeft: row?.status === 'active' ? (await this.deps.store.unusedCodes(account.id)).length : 0 };
  }

  /** A new secret (replacing an unconfirmed one) with its otpauth URI and QR code; in force after `confirm`. */
  async setup(account: AccountModel) {
    if (account.twoFactorEnabledAt || (await this.deps.store.get(account.id))?.status === 'active') throw alreadyEnabled();
    const secret = newTotpSecret();
    await this.deps.store.savePending(account.id, secret, this.now());
    return { secret, ...await enrolmentOf(secret, account.username) };
  }

  /** The first code confirms the enrolment; answers the recovery codes, shown this once. */
  async confirm(account: AccountModel, actor: Actor, body: Record<string, unknown>): Promise<{ recoveryCodes: string[] }> {
    const code = stringOf(body.code);
    if (!code) throw codeMissing();
    const row = await this.deps.store.get(account.id);
    if (row?.status === 'active') throw alreadyEnabled();
    if (!row) throw notPending();
    const step = matchingStep(row.secret, code, this.deps.clock.now().getTime());
    if (step === undefined) {
      await this.audit(this.deps.db.knex, actor, { action: 'auth.twoFactor.code', details: { username: account.username, purpose: 'enrol', result: 'failure' } });
      throw wrongEnrolmentCode();
    }
    const recoveryCodes = newRecoveryCodes();
    const hashes = await Promise.all(recoveryCodes.map(hashRecoveryCode));
    const done = await this.deps.store.activate(account.id, step, hashes, this.now(),
      (trx) => this.audit(trx, actor, { action: 'auth.twoFactor.enrol', details: { username: account.username } }));
    if (!done) throw alreadyEnabled();
    this.deps.forgetAccount(account.id);
    return { recoveryCodes };
  }

  /** New recovery codes (the old ones stop working), after a current code. */
  async regenerateCodes(account: AccountModel, actor: Actor, body: Record<string, unknown>): Promise<{ recoveryCodes: string[] }> {
    if (!account.twoFactorEnabledAt) throw notEnabled();
    await this.checkCode(account, body.code, actor, 'recoveryCodes');
    const recoveryCodes = newRecoveryCodes();
    await this.deps.store.replaceCodes(account.id, await Promise.all(recoveryCodes.map(hashRecoveryCode)),
      (trx) => this.audit(trx, actor, { action: 'auth.twoFactor.recoveryCodes', details: { username: account.username } }));
    return { recoveryCodes };
  }

  /** The account's own switch-off: its password and a code, and never while the policy requires a second factor. */
  async disable(account: AccountModel, actor: Actor, body: Record<string, unknown>): Promise<void> {
    if (!account.twoFactorEnabledAt) throw notEnabled();
    if (this.deps.policy.requires(actor)) throw requiredByPolicy();
    const password = typeof body.password === 'string' && body.password.length <= 256 ? body.password : '';
    const result = await this.deps.checker.check(account.usernameKey, account.passwordHash, password,
      this.deps.policies.current().lockout, { partialSuccess: true });
    if (result.outcome !== 'ok') {
      await this.audit(this.deps.db.knex, actor, { action: 'auth.twoFactor.disable', details: { result: 'wrongPassword' } });
      if (result.lockedUntil) await this.lockedOut(account.id, result.lockedUntil);
      throw wrongPassword();
    }
    await this.checkCode(account, body.code, actor, 'disable');
    await this.deps.store.remove(account.id, (trx) => this.audit(trx, actor,
      { action: 'auth.twoFactor.disable', details: { result: 'success', username: account.username } }));
    this.deps.forgetAccount(account.id);
  }

  /** An administrator's reset of another account (a lost phone): enrolment removed, the account's sessions ended. */
  async reset(actor: Actor, target: AccountModel): Promise<void> {
    const removed = await this.deps.store.remove(target.id, async (trx) => {
      await this.audit(trx, actor, { action: 'account.twoFactorReset', recordId: target.id, details: { target: target.username } });
      await this.deps.sessions.destroyOthers(target.id, undefined, trx);
    });
    if (!removed) throw notEnabled();
    this.deps.forgetAccount(target.id);
  }

  /** The state of a login between its right password and its code: server-side, short-lived, bound to the cookie's token. */
  openChallenge(accountId: string): Promise<string> {
    return this.deps.store.openChallenge(accountId, this.deps.clock.now(), CHALLENGE_TTL_MS);
  }

  challengeAccount(token: string | undefined): Promise<string | undefined> {
    return this.deps.store.challengeAccount(token, this.deps.clock.now());
  }

  closeChallenge(token: string): Promise<void> {
    return this.deps.store.closeChallenge(token);
  }

  /** The second step of a login: which factor matched, or the refusal (wrong code, lock). */
  loginCode(account: AccountModel, code: unknown, actor: Actor): Promise<SecondFactor> {
    return this.checkCode(account, code, actor, 'login');
  }

  private async checkCode(account: AccountModel, input: unknown, actor: Actor, purpose: Purpose): Promise<SecondFactor> {
    const code = stringOf(input);
    if (!code) throw codeMissing();
    let matched: SecondFactor | 'replayed' | undefined;
    const result = await this.deps.checker.attempt(account.usernameKey, this.deps.policies.current().lockout, async () => {
      matched = await this.match(account.id, code);
      return matched === 'totp' || matched === 'recovery';
    }, { partialSuccess: purpose !== 'login' });
    if (result.outcome === 'ok') return matched as SecondFactor;
    const lockedUntil = result.lockedUntil;
    await this.audit(this.deps.db.knex, actor, { action: 'auth.twoFactor.code', details: { username: account.username, purpose,
      result: result.outcome === 'locked' ? 'locked' : lockedUntil ? 'failure, now locked' : 'failure', ...(matched ? { reason: matched } : {}) } });
    if (lockedUntil) await this.lockedOut(account.id, lockedUntil);
    throw invalidCode(result.outcome === 'wrong' ? result.remaining : undefined);
  }

  private async lockedOut(accountId: string, lockedUntil: string): Promise<never> {
    await this.deps.sessions.destroyOthers(accountId);
    this.deps.forgetAccount(accountId);
    throw codeLocked(lockedUntil);
  }

  /** A TOTP code of an unused step, or an unused recovery code; `replayed` for a step already used. */
  private async match(accountId: string, code: string): Promise<SecondFactor | 'replayed' | undefined> {
    const row = await this.deps.store.get(accountId);
    if (row?.status !== 'active') return undefined;
    if (isTotpCode(code)) {
      const step = matchingStep(row.secret, code, this.deps.clock.now().getTime());
      if (step === undefined) return undefined;
      return await this.deps.store.useStep(accountId, step) ? 'totp' : 'replayed';
    }
    const normalized = normalizeRecoveryCode(code);
    const id = normalized && await findRecoveryCode(await this.deps.store.unusedCodes(accountId), normalized);
    return id && await this.deps.store.useCode(id, this.now()) ? 'recovery' : undefined;
  }
}
