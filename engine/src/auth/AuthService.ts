import type { AccessPolicy, Actor } from '../access/index.js';
import { writeAudit } from '../audit/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { AccountModel, Database, OrgModel, SessionModel } from '../db/index.js';
import { UnauthorizedError, ValidationError, type ErrorItem } from '../errors/index.js';
import { checkPasswordPolicy, guidePolicy } from './passwordPolicy.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.js';
import { IdentityCache, type Identity } from './IdentityCache.js';
import { tokenId, type SessionStore } from './SessionStore.js';
import type { UserView } from '../contract/index.js';

export type { UserView };

export interface Principal { session: SessionModel; account: AccountModel; org: OrgModel; actor: Actor }

const invalidCredentials = () => new UnauthorizedError('账号或密码错误，请重新输入。', 'INVALID_CREDENTIALS');
export const usernameKey = (username: string) => username.trim().normalize('NFKC').toLowerCase();

/** Login, the current user, and password changes. */
export class AuthService {
  private readonly identities: IdentityCache;

  constructor(private readonly deps: { db: Database; sessions: SessionStore; access: AccessPolicy; clock: Clock;
    defaultPassword: string; identityCacheMs?: number }) {
    this.identities = new IdentityCache(deps.clock, deps.identityCacheMs ?? 2000);
  }

  async login(username: unknown, password: unknown, meta: { ip?: string; userAgent?: string; requestId?: string }) {
    if (typeof username !== 'string' || typeof password !== 'string' || password.length > 256) throw invalidCredentials();
    const account = await this.deps.db.models.Account.query().findOne({ username_key: usernameKey(username) });
    const ok = account && account.status === 'active'
      ? await verifyPassword(account.passwordHash, password) : await verifyAgainstDummy(password);
    if (!account || !ok) throw invalidCredentials();
    const { token, csrfToken } = await this.deps.sessions.create(account.id, meta);
    const principal = await this.principalOf(account, undefined, meta);
    await writeAudit(this.deps.db.knex, principal.actor, { action: 'auth.login' }, isoNow(this.deps.clock));
    return { token, csrfToken, user: this.userView(principal), mustChangePassword: account.mustChangePassword };
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
  async authenticate(token: string | undefined, meta: { ip?: string; requestId?: string }): Promise<Principal | undefined> {
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
    const { roles, permissions } = await this.deps.access.permissionsOf(account.id, org.level);
    return { session, account, org, roles, permissions };
  }

  /** The actor of an account without a session (seeding, background work on the account's behalf). */
  async actorForAccount(accountId: string): Promise<Actor> {
    const account = await this.deps.db.models.Account.query().findById(accountId);
    if (!account) throw new Error(`Account ${accountId} does not exist`);
    return (await this.principalOf(account, undefined, {})).actor;
  }

  private async principalOf(account: AccountModel, session: SessionModel | undefined,
    meta: { ip?: string; requestId?: string }): Promise<Principal> {
    const org = await this.deps.db.models.Org.query().findById(account.orgId);
    if (!org) throw new Error(`Account ${account.id} has no organisation`);
    return this.principalFrom(account, org, session, meta);
  }

  private async principalFrom(account: AccountModel, org: OrgModel, session: SessionModel | undefined,
    meta: { ip?: string; requestId?: string }): Promise<Principal> {
    const { roles, permissions } = await this.deps.access.permissionsOf(account.id, org.level);
    return this.principalOfIdentity({ session: session as SessionModel, account, org, roles, permissions }, meta);
  }

  private principalOfIdentity({ session, account, org, roles, permissions }: Identity, meta: { ip?: string; requestId?: string }): Principal {
    const actor: Actor = { accountId: account.id, username: account.username, orgId: org.id, orgPath: org.path,
      orgLevel: org.level, roles, permissions, ...(meta.ip ? { ip: meta.ip } : {}), ...(meta.requestId ? { requestId: meta.requestId } : {}) };
    return { session, account, org, actor };
  }

  userView({ account, org, actor }: Principal): UserView {
    return { id: account.id, username: account.username, nickname: account.nickname, orgId: org.id, orgName: org.name,
      orgLevel: org.level, roles: actor.roles, permissions: [...actor.permissions].sort(), realNameStatus: account.realNameStatus };
  }

  /** Changes the password under the policy; ends the account's other sessions. */
  async changePassword(principal: Principal, body: Record<string, unknown>): Promise<void> {
    const { oldPassword, newPassword, confirmPassword } = body;
    if (typeof oldPassword !== 'string' || typeof newPassword !== 'string' || typeof confirmPassword !== 'string') {
      throw new ValidationError([{ code: 'required', path: '/newPassword', message: '请填写原密码、新密码和确认密码。' }]);
    }
    const { account } = principal;
    if (!(await verifyPassword(account.passwordHash, oldPassword))) {
      throw new ValidationError([{ code: 'WRONG_PASSWORD', path: '/oldPassword', message: '原密码不正确，请重新输入。' }]);
    }
    const failures = checkPasswordPolicy({ password: newPassword, confirm: confirmPassword, username: account.username,
      defaultPassword: this.deps.defaultPassword });
    if (await this.isRecentPassword(account, newPassword)) {
      failures.push({ rule: 'reuse', message: `新密码不能与最近 ${guidePolicy.historyCount} 次使用过的密码相同。` });
    }
    if (failures.length > 0) {
      throw new ValidationError(failures.map((f): ErrorItem => ({ code: 'PASSWORD_POLICY', rule: f.rule, message: f.message,
        path: f.rule === 'confirm' ? '/confirmPassword' : '/newPassword' })));
    }
    await this.storeNewPassword(principal, await hashPassword(newPassword));
  }

  private async isRecentPassword(account: AccountModel, password: string): Promise<boolean> {
    const history = await this.deps.db.knex('password_history').where('account_id', account.id)
      .orderBy('id', 'desc').limit(guidePolicy.historyCount - 1).pluck('password_hash') as string[];
    for (const previous of [account.passwordHash, ...history]) {
      if (await verifyPassword(previous, password)) return true;
    }
    return false;
  }

  private async storeNewPassword(principal: Principal, passwordHash: string): Promise<void> {
    const now = isoNow(this.deps.clock);
    const { account } = principal;
    await this.deps.db.knex.transaction(async (trx) => {
      await trx('password_history').insert({ account_id: account.id, password_hash: account.passwordHash, created_at: now });
      await this.deps.db.models.Account.query(trx).patch({ passwordHash, mustChangePassword: false, passwordChangedAt: now })
        .where('id', account.id);
      await this.deps.sessions.destroyOthers(account.id, principal.session.id, trx);
      this.identities.forgetAccount(account.id);
      await writeAudit(trx, principal.actor, { action: 'auth.passwordChange' }, now);
    });
  }
}
