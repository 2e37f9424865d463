import type { Actor } from '../access/index.js';
import { fieldChanges, writeAudit } from '../audit/index.js';
import { usernameKey, type LoginThrottle, type PasswordService, type SessionStore } from '../auth/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { AccountModel, Database } from '../db/index.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/index.js';
import { newId } from '../ids/index.js';
import { accountViews, listAccounts, type AccountView } from './AccountQueries.js';
import type { InputValidator } from './InputValidator.js';
import type { RoleService } from './RoleService.js';
import { accountCreateSchema, accountUpdateSchema, passwordResetSchema } from './schemas.js';

interface CreateInput { roleId: string; username: string; nickname: string; mobile?: string; password?: string;
  confirmPassword?: string; subsystems?: string[] }
interface UpdateInput { roleId?: string; username?: string; nickname?: string; mobile?: string | null; subsystems?: string[];
  status?: 'active' | 'disabled'; internetAccess?: boolean }

export interface AccountServiceDeps {
  db: Database; validator: InputValidator; passwords: PasswordService; sessions: SessionStore; throttle: LoginThrottle;
  roles: RoleService;
  clock: Clock; forgetAccount: (accountId: string) => void;
}

/** `own`: an account of the actor's organisation; `below`: of an organisation under it (a level above acts). */
type Relation = 'own' | 'below';

/**
 * Sub-accounts: a main account (or a sub-account holding the permission) manages
 * its organisation's sub-accounts; the levels above unlock, reset, enable and open internet access.
 * The main account is listed but protected in its own organisation.
 */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  private now = () => isoNow(this.deps.clock);

  list(actor: Actor, query: Record<string, unknown>) {
    return listAccounts(this.deps.db.reader, actor, query, this.now());
  }

  async get(actor: Actor, id: string): Promise<AccountView> {
    await this.target(actor, id, { allowSelf: true });
    return this.view(id);
  }

  async create(actor: Actor, body: unknown): Promise<AccountView> {
    const input = body as CreateInput;
    // Field problems and password-policy problems are reported together, in one answer.
    const problems = [...this.deps.validator.errorsOf(accountCreateSchema, body),
      ...await this.deps.passwords.problemsOfSetPassword({ username: String(input.username ?? '') },
        typeof input.password === 'string' ? input.password : undefined, input.confirmPassword)];
    if (problems.length > 0) throw new ValidationError(problems);
    await this.assertGrantableRole(actor, input.roleId);
    const key = usernameKey(input.username);
    if (await this.deps.db.models.Account.query().findOne({ username_key: key })) {
      throw new ConflictError([{ code: 'DUPLICATE', path: '/username', message: `账号「${input.username}」已被使用，请换一个。` }]);
    }
    const passwordHash = await this.deps.passwords.hashForAccount({ username: input.username }, input.password, input.confirmPassword);
    const main = await this.deps.db.models.Account.query().where({ org_id: actor.orgId, is_main: true }).first();
    const id = newId();
    const now = this.now();
    await this.deps.db.knex.transaction(async (trx) => {
      await this.deps.db.models.Account.query(trx).insert({
        id, orgId: actor.orgId, username: input.username, usernameKey: key, nickname: input.nickname, mobile: input.mobile ?? null,
        passwordHash, mustChangePassword: true, realNameStatus: 'none', isMain: false, internetAccess: main?.internetAccess ?? false,
        status: 'active', failedAttempts: 0, createdAt: now, createdBy: actor.accountId, subsystems: input.subsystems ?? ['resource', 'exam'],
      });
      await trx('account_roles').insert({ account_id: id, role_id: input.roleId });
      await writeAudit(trx, actor, { action: 'account.create', details: { username: input.username, roleId: input.roleId } }, now);
    });
    await this.deps.throttle.forget(key);
    return this.view(id);
  }

  async update(actor: Actor, id: string, body: unknown): Promise<AccountView> {
    const { account, relation } = await this.target(actor, id);
    const input = this.deps.validator.parse<UpdateInput>(accountUpdateSchema, body);
    this.assertUpdatable(account, relation, input);
    const patch: Partial<AccountModel> = {};
    if (input.mobile !== undefined) patch.mobile = input.mobile;
    if (input.subsystems) patch.subsystems = input.subsystems;
    if (input.status) patch.status = input.status;
    if (input.internetAccess !== undefined) patch.internetAccess = input.internetAccess;
    // Checked before the transaction: on SQLite the pool's one connection is the transaction's.
    if (input.roleId) await this.assertGrantableRole(actor, input.roleId);
    await this.deps.db.knex.transaction(async (trx) => {
      if (Object.keys(patch).length) await this.deps.db.models.Account.query(trx).patch(patch).where('id', id);
      const roleBefore = await trx('account_roles').where('account_id', id).first('role_id') as { role_id: string } | undefined;
      if (input.roleId) {
        await trx('account_roles').where('account_id', id).delete();
        await trx('account_roles').insert({ account_id: id, role_id: input.roleId });
      }
      if (input.status === 'disabled') await this.deps.sessions.destroyOthers(id, undefined, trx);
      const changes = fieldChanges({ ...account, roleId: roleBefore?.role_id ?? null }, { ...patch, ...(input.roleId ? { roleId: input.roleId } : {}) });
      await writeAudit(trx, actor, { action: 'account.update', details: { username: account.username, ...patch, roleId: input.roleId, changes } }, this.now());
    });
    this.deps.forgetAccount(id);
    return this.view(id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const { account, relation } = await this.target(actor, id);
    if (relation !== 'own' || account.isMain) throw new ForbiddenError('只能删除本单位的子账号。');
    await this.deps.db.knex.transaction(async (trx) => {
      await this.deps.db.models.Account.query(trx).deleteById(id);
      await writeAudit(trx, actor, { action: 'account.delete', details: { username: account.username } }, this.now());
    });
    this.deps.forgetAccount(id);
    await this.deps.throttle.forget(account.usernameKey);
  }

  async unlock(actor: Actor, id: string): Promise<AccountView> {
    const { account } = await this.target(actor, id, { mainFromBelowOnly: true });
    await this.deps.throttle.unlock(account.usernameKey);
    await writeAudit(this.deps.db.knex, actor, { action: 'account.unlock', details: { username: account.username } }, this.now());
    return this.view(id);
  }

  /** Roles this actor may assign in the account form (needs only account management, not role management). */
  assignableRoles(actor: Actor): Promise<Array<{ id: string; name: string }>> {
    return this.deps.roles.assignable(actor);
  }

  /** An account this actor may reset (as a password reset: 404 outside its scope, a main account only from above). */
  async administrable(actor: Actor, id: string): Promise<AccountModel> {
    return (await this.target(actor, id, { mainFromBelowOnly: true })).account;
  }

  async resetPassword(actor: Actor, id: string, body: unknown): Promise<AccountView> {
    const { account } = await this.target(actor, id, { mainFromBelowOnly: true });
    const input = this.deps.validator.parse<{ password?: string; confirmPassword?: string }>(passwordResetSchema, body);
    await this.deps.passwords.reset(account, actor, input.password, input.confirmPassword);
    return this.view(id);
  }

  private async view(id: string): Promise<AccountView> {
    const [view] = await accountViews(this.deps.db.knex, [id], this.now());
    if (!view) throw new NotFoundError('该账号不存在。');
    return view;
  }

  /** The account as this actor may see it: its own organisation, or one below; anything else is 404. */
  private async target(actor: Actor, id: string, options: { allowSelf?: boolean; mainFromBelowOnly?: boolean } = {}) {
    const account = await this.deps.db.models.Account.query().findById(id);
    const org = account ? await this.deps.db.models.Org.query().findById(account.orgId) : undefined;
    const relation: Relation | undefined = !account || !org ? undefined
      : account.orgId === actor.orgId ? 'own' : org.path.startsWith(actor.orgPath) ? 'below' : undefined;
    if (!account || !relation) throw new NotFoundError('该账号不存在，或您无权查看。');
    if (account.id === actor.accountId && !options.allowSelf) throw new ForbiddenError('不能在这里修改自己的账号，请到“个人中心”操作。');
    if (options.mainFromBelowOnly && relation === 'own' && account.isMain) {
      throw new ForbiddenError('总账号不能在本单位的账号列表中操作，请联系上级单位。');
    }
    if (relation === 'own' && !account.isMain) await this.assertNotMorePowerful(actor, account.id);
    return { account, relation };
  }

  private assertUpdatable(account: AccountModel, relation: Relation, input: UpdateInput): void {
    const immutable = (['username', 'nickname'] as const).filter((f) => input[f] !== undefined && input[f] !== account[f]);
    if (immutable.length) {
      throw new ValidationError(immutable.map((f) => ({ code: 'immutable', path: `/${f}`,
        message: `「${f === 'username' ? '账号' : '用户昵称'}」创建后不能修改；如确需修改，请删除后重新建立。` })));
    }
    if (relation === 'own' && account.isMain) throw new ForbiddenError('总账号不能在本单位的账号列表中修改，请联系上级单位。');
    if (relation === 'own' && input.internetAccess !== undefined && input.internetAccess !== account.internetAccess) {
      throw new ForbiddenError('互联网访问权限由上级卫生健康行政部门开通。');
    }
    if (relation === 'below' && (input.roleId || input.mobile !== undefined || input.subsystems)) {
      throw new ForbiddenError('上级单位只能启用、停用账号或开通互联网访问；其他信息由该单位自己维护。');
    }
  }

  /** A role of the actor's organisation whose permissions the actor holds itself. */
  private async assertGrantableRole(actor: Actor, roleId: string): Promise<void> {
    const role = await this.deps.db.models.Role.query().findById(roleId);
    if (!role || role.orgId !== actor.orgId || role.builtin) {
      throw new ValidationError([{ code: 'ref', path: '/roleId', message: '所选的「角色」不存在，请重新选择。' }]);
    }
    if (role.permissions.some((p) => !actor.permissions.has(p))) {
      throw new ForbiddenError('该角色的权限超出了您自己的权限，不能分配。');
    }
  }

  /** Nobody manages an account of its own organisation that holds permissions it lacks. */
  private async assertNotMorePowerful(actor: Actor, accountId: string): Promise<void> {
    const permissions = await this.deps.db.knex('account_roles').join('roles', 'roles.id', 'account_roles.role_id')
      .where('account_roles.account_id', accountId).pluck('roles.permissions') as unknown[];
    const held = permissions.flatMap((p) => (typeof p === 'string' ? JSON.parse(p) as string[] : p as string[]));
    if (held.some((p) => p !== '*' && !actor.permissions.has(p)) || (held.includes('*') && !actor.roles.includes('main'))) {
      throw new ForbiddenError('该账号的权限超出了您自己的权限，不能操作。');
    }
  }
}
