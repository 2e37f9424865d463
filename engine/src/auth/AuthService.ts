import type { AccessPolicy, Actor, NetworkPolicy } from '../access/index.js';
import { writeAudit, type AuditEntry } from '../audit/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { UserView } from '../contract/index.js';
import type { AccountModel, Database, OrgModel, SessionModel } from '../db/index.js';
import type { AccountPolicies } from './AccountPolicies.js';
import { IdentityCache, type Identity } from './IdentityCache.js';
import { accountDisabled, internetAccessDisabled, invalidCredentials, lockedError } from './messages.js';
import type { PasswordChecker } from './PasswordChecker.js';
import { hashPassword, needsRehash } from './passwords.js';
import { tokenId, type SessionStore } from './SessionStore.js';
import { challengeExpired, type TwoFactorPolicy, type TwoFactorService } from './twoFactor/index.js';

export type { UserView };

export interface Principal { session: SessionModel; account: AccountModel; org: OrgModel; actor: Actor; roleNames: string[];
  /** The policy requires a second factor the account has not enrolled yet (only enrolment, me and logout are open). */
  twoFactorEnrolmentRequired: boolean }
/** A login: its session, or (an account with two-factor login) the token of the challenge awaiting the code. */
export type LoginResult = { twoFactorRequired: true; challengeToken: string }
  | { twoFactorRequired?: undefined; token: string; csrfToken: string; user: UserView; mustChangePassword: boolean;
    twoFactor: { enabled: boolean; required: boolean } };
export interface RequestMeta { ip?: string; userAgent?: string; requestId?: string }

export const usernameKey = (username: string) => username.trim().normalize('NFKC').toLowerCase().slice(0, 64);

export interface AuthServiceDeps {
  db: Database;
  sessions: SessionStore;
  access: AccessPolicy;
  checker: PasswordChecker;
  policies: AccountPolicies;
  network: NetworkPolicy;
  clock: Clock;
  twoFactor: TwoFactorService;
  twoFactorPolicy: TwoFactorPolicy;
  identityCacheMs?: number;
}

/** Login and logout, the identity behind a session, and the access-channel rule. */
export class AuthService {
  private readonly identities: IdentityCache;

  constructor(private readonly deps: AuthServiceDeps) {
    this.identities = new IdentityCache(deps.clock, deps.identityCacheMs ?? 2000);
  }

  async login(username: unknown, password: unknown, meta: RequestMeta): Promise<LoginResult> {
    if (typeof username !== 'string' || typeof password !== 'string' || password.length > 256 || !username.trim()) {
      throw invalidCredentials();
    }
    const key = usernameKey(username);
    const account = await this.deps.db.models.Account.query().findOne({ username_key: key });
    // With a second factor, the password alone resets no failure count: only the whole login does.
    const result = await this.deps.checker.check(key, account?.passwordHash, password, this.deps.policies.current().lockout,
      { partialSuccess: Boolean(account?.twoFactorEnabledAt) });
    const audit = (entry: AuditEntry, actor?: Actor) => writeAudit(this.deps.db.knex, actor ?? this.anonymous(account, meta),
      { ...entry, details: { username: key, ...entry.details } }, isoNow(this.deps.clock));
    if (result.outcome === 'locked') {
      await audit({ action: 'auth.login', details: { result: 'locked' } });
      throw lockedError(result.lockedUntil);
    }
    if (result.outcome === 'wrong' || !account) {
      const locked = result.outcome === 'wrong' ? result.lockedUntil : undefined;
      await audit({ action: 'auth.login', details: { result: locked ? 'failure, now locked' : 'failure' } });
      throw locked ? lockedError(locked) : invalidCredentials(result.outcome === 'wrong' ? result.remaining : undefined);
    }
    if (account.status !== 'active') {
      await audit({ action: 'auth.login', details: { result: 'disabled' } });
      throw accountDisabled();
    }
    this.assertChannel(account, meta.ip);
    if (needsRehash(account.passwordHash)) {
      await this.deps.db.models.Account.query().patch({ passwordHash: await hashPassword(password) }).where('id', account.id);
    }
    if (account.twoFactorEnabledAt) {
      await audit({ action: 'auth.login', details: { result: 'password ok, code required' } });
      return { twoFactorRequired: true, challengeToken: await this.deps.twoFactor.openChallenge(account.id) };
    }
    return this.openSession(account, meta, { result: 'success' });
  }

  /** The second step of a two-factor login: the code (TOTP or recovery code) of the challenge in the cookie. */
  async completeTwoFactor(challengeToken: string | undefined, code: unknown, meta: RequestMeta): Promise<LoginResult> {
    const accountId = await this.deps.twoFactor.challengeAccount(challengeToken);
    const account = accountId ? await this.deps.db.models.Account.query().findById(accountId) : undefined;
    if (!account || !challengeToken || !account.twoFactorEnabledAt) throw challengeExpired();
    if (account.status !== 'active') throw accountDisabled();
    this.assertChannel(account, meta.ip);
    const factor = await this.deps.twoFactor.loginCode(account, code, this.anonymous(account, meta));
    await this.deps.twoFactor.closeChallenge(challengeToken);
    return this.openSession(account, meta, { result: 'success', secondFactor: factor });
  }

  private async openSession(account: AccountModel, meta: RequestMeta, details: Record<string, unknown>): Promise<LoginResult> {
    const { token, csrfToken } = await this.deps.sessions.create(account.id, meta);
    const principal = await this.principalOf(account, undefined, meta);
    await writeAudit(this.deps.db.knex, principal.actor, { action: 'auth.login', details: { username: account.usernameKey, ...details } },
      isoNow(this.deps.clock));
    return { token, csrfToken, user: this.userView(principal), mustChangePassword: account.mustChangePassword,
      twoFactor: this.twoFactorOf(principal) };
  }

  /** What `me` and login tell about the second factor. */
  twoFactorOf({ account, actor }: Pick<Principal, 'account' | 'actor'>): { enabled: boolean; required: boolean } {
    return { enabled: Boolean(account.twoFactorEnabledAt), required: this.deps.twoFactorPolicy.requires(actor) };
  }

  /** An account without internet access may only come from the private network. */
  assertChannel(account: Pick<AccountModel, 'internetAccess'>, ip: string | undefined): void {
    if (!account.internetAccess && !(ip && this.deps.network.isPrivate(ip))) throw internetAccessDisabled();
  }

  private anonymous(account: AccountModel | undefined, meta: RequestMeta): Actor {
    return { accountId: account?.id ?? '', username: '', orgId: account?.orgId ?? '', orgPath: '', orgLevel: 'institution',
      roles: [], permissions: new Set(), ...(meta.ip ? { ip: meta.ip } : {}), ...(meta.requestId ? { requestId: meta.requestId } : {}) };
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) this.identities.forgetSession(tokenId(token));
    await this.deps.sessions.destroy(token);
  }

  /** Call after anything changes an account, its organisation or its roles (their sessions re-read them). */
  forgetAccount(accountId: string): void {
    this.identities.forgetAccount(accountId);
  }

  /** The principal behind a session token, or undefined when the session is gone. */
  async authenticate(token: string | undefined, meta: RequestMeta): Promise<Principal | undefined> {
    const cached = token && token.length <= 100 ? this.identities.get(tokenId(token)) : undefined;
    const identity = cached ?? await this.loadIdentity(token);
    if (!identity) return undefined;
    if (!cached) this.identities.set(identity);
    return this.principalOfIdentity(identity, meta);
  }

  private async loadIdentity(token: string | undefined): Promise<Identity | undefined> {
    const session = await this.deps.sessions.find(token);
    if (!session) return undefined;
    const { Account, Org } = this.deps.db.models;
    const row = await this.deps.db.reader('accounts').join('orgs', 'orgs.id', 'accounts.org_id').where('accounts.id', session.accountId)
      .select('accounts.*', 'orgs.name as org_name', 'orgs.level as org_level', 'orgs.path as org_path', 'orgs.parent_id as org_parent_id')
      .first() as Record<string, unknown> | undefined;
    if (!row || row.status !== 'active') return undefined;
    const org = Org.fromDatabaseJson({ id: row.org_id, name: row.org_name, level: row.org_level, path: row.org_path, parent_id: row.org_parent_id });
    const account = Account.fromDatabaseJson(row);
    const { roles, roleNames, permissions } = await this.deps.access.permissionsOf(account.id, org.level);
    return { session, account, org, roles, roleNames, permissions };
  }

  /** The actor of an account without a session (seeding, background work on the account's behalf). */
  async actorForAccount(accountId: string): Promise<Actor> {
    const account = await this.deps.db.models.Account.query().findById(accountId);
    if (!account) throw new Error(`Account ${accountId} does not exist`);
    return (await this.principalOf(account, undefined, {})).actor;
  }

  private async principalOf(account: AccountModel, session: SessionModel | undefined, meta: RequestMeta): Promise<Principal> {
    const org = await this.deps.db.models.Org.query().findById(account.orgId);
    if (!org) throw new Error(`Account ${account.id} has no organisation`);
    const { roles, roleNames, permissions } = await this.deps.access.permissionsOf(account.id, org.level);
    return this.principalOfIdentity({ session: session as SessionModel, account, org, roles, roleNames, permissions }, meta);
  }

  private principalOfIdentity({ session, account, org, roles, roleNames, permissions }: Identity, meta: RequestMeta): Principal {
    const actor: Actor = { accountId: account.id, username: account.username, orgId: org.id, orgPath: org.path,
      orgLevel: org.level, roles, permissions, ...(meta.ip ? { ip: meta.ip } : {}), ...(meta.requestId ? { requestId: meta.requestId } : {}) };
    return { session, account, org, actor, roleNames,
      twoFactorEnrolmentRequired: !account.twoFactorEnabledAt && this.deps.twoFactorPolicy.requires(actor) };
  }

  userView({ account, org, actor, roleNames }: Principal): UserView {
    return { id: account.id, username: account.username, nickname: account.nickname, orgId: org.id, orgName: org.name,
      orgLevel: org.level, roles: actor.roles, roleNames, permissions: [...actor.permissions].sort(),
      realNameStatus: account.realNameStatus };
  }
}
