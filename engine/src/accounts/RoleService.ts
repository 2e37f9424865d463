import type { AccessPolicy, Actor, PermissionNode } from '../access/index.js';
import { writeAudit } from '../audit/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { Database, RoleModel } from '../db/index.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/index.js';
import { newId } from '../ids/index.js';
import type { InputValidator } from './InputValidator.js';
import { roleInputSchema } from './schemas.js';

import type { RoleInput, RoleView } from '../contract/index.js';

export type { RoleView };

export interface RoleServiceDeps {
  db: Database;
  access: AccessPolicy;
  validator: InputValidator;
  clock: Clock;
  /** The accounts holding a role re-read their permissions at once. */
  forgetAccount: (accountId: string) => void;
}

/**
 * Roles a main account creates for its departments: the permissions come from the
 * menu definition, a parent grants all its children (父子联动), and nobody grants what it does not hold.
 */
export class RoleService {
  constructor(private readonly deps: RoleServiceDeps) {}

  /** The permissions this actor may grant, as the tree the role editor shows. */
  grantableTree(actor: Actor): PermissionNode[] {
    return this.deps.access.catalog().tree(actor.permissions);
  }

  async list(actor: Actor): Promise<RoleView[]> {
    const roles = await this.deps.db.models.Role.query().where('org_id', actor.orgId).orderBy([{ column: 'sort_order' }, { column: 'created_at' }]);
    return Promise.all(roles.map((role) => this.view(role)));
  }

  async get(actor: Actor, id: string): Promise<RoleView> {
    return this.view(await this.ownRole(actor, id));
  }

  async create(actor: Actor, body: unknown): Promise<RoleView> {
    const input = this.deps.validator.parse<RoleInput>(roleInputSchema, body);
    const permissions = this.grantable(actor, input.permissions);
    await this.assertNameFree(actor.orgId, input.name);
    const mainRole = await this.deps.db.models.Role.query().whereNull('org_id').findOne({ key: 'main' });
    const id = newId();
    const now = isoNow(this.deps.clock);
    const role = await this.deps.db.models.Role.query().insertAndFetch({
      id, orgId: actor.orgId, key: id, name: input.name, level: 'org', builtin: false, permissions,
      status: input.status ?? 'active', createdAt: now, type: input.type ?? null, sortOrder: input.order ?? null,
      parentRoleId: mainRole?.id ?? null, description: input.description ?? null, createdBy: actor.accountId,
    });
    await writeAudit(this.deps.db.knex, actor, { action: 'role.create', details: { role: input.name, permissions } }, now);
    return this.view(role);
  }

  async update(actor: Actor, id: string, body: unknown): Promise<RoleView> {
    const role = await this.ownRole(actor, id);
    const input = this.deps.validator.parse<RoleInput>(roleInputSchema, body);
    const permissions = this.grantable(actor, input.permissions);
    if (input.name !== role.name) await this.assertNameFree(actor.orgId, input.name);
    const now = isoNow(this.deps.clock);
    await this.deps.db.models.Role.query().patch({ name: input.name, type: input.type ?? null, sortOrder: input.order ?? null,
      status: input.status ?? 'active', description: input.description ?? null, permissions }).where('id', id);
    const added = permissions.filter((p) => !role.permissions.includes(p));
    const removed = role.permissions.filter((p) => !permissions.includes(p));
    await writeAudit(this.deps.db.knex, actor, { action: 'role.update', details: { role: input.name, added, removed, before: role.permissions, after: permissions } }, now);
    await this.forgetHolders(id);
    return this.get(actor, id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const role = await this.ownRole(actor, id);
    const holders = await this.holders(id);
    if (holders.length > 0) {
      throw new ConflictError([{ code: 'REFERENCED', count: holders.length,
        message: `还有 ${holders.length} 个账号使用该角色，请先为这些账号更换角色或删除账号后再删除角色。` }]);
    }
    await this.deps.db.models.Role.query().deleteById(id);
    await writeAudit(this.deps.db.knex, actor, { action: 'role.delete', details: { role: role.name, permissions: role.permissions } }, isoNow(this.deps.clock));
  }

  /**
   * 父子联动 and the grant limit: each key grants its descendants; every key must be one the actor
   * holds itself (a sub-account cannot hand out more than it has).
   */
  private grantable(actor: Actor, keys: string[]): string[] {
    const catalog = this.deps.access.catalog();
    const unknown = keys.filter((k) => !catalog.has(k));
    const expanded = catalog.withDescendants(keys);
    const beyond = [...expanded].filter((k) => !actor.permissions.has(k));
    if (unknown.length || beyond.length) {
      throw new ValidationError([{ code: 'PERMISSION_NOT_GRANTABLE', path: '/permissions',
        message: `不能授予这些权限（不存在，或您自己没有）：${[...unknown, ...beyond].join('、')}` }]);
    }
    return [...expanded].sort();
  }

  private async assertNameFree(orgId: string, name: string): Promise<void> {
    const clash = await this.deps.db.models.Role.query().where({ org_id: orgId, name }).first();
    if (clash) throw new ConflictError([{ code: 'DUPLICATE', path: '/name', message: `本单位已有名为「${name}」的角色。` }]);
  }

  /** Roles of the actor's own organisation only; built-in roles cannot be edited. */
  private async ownRole(actor: Actor, id: string): Promise<RoleModel> {
    const role = await this.deps.db.models.Role.query().findById(id);
    if (!role || role.orgId !== actor.orgId) throw new NotFoundError('该角色不存在，或您无权查看。');
    if (role.builtin) throw new ForbiddenError('系统内置角色不能修改。');
    return role;
  }

  private holders(roleId: string): Promise<string[]> {
    return this.deps.db.knex('account_roles').where('role_id', roleId).pluck('account_id');
  }

  private async forgetHolders(roleId: string): Promise<void> {
    for (const accountId of await this.holders(roleId)) this.deps.forgetAccount(accountId);
  }

  /** Roles of the actor's organisation it may assign (what the account form offers). */
  async assignable(actor: Actor): Promise<Array<{ id: string; name: string }>> {
    const roles = await this.deps.db.models.Role.query().where('org_id', actor.orgId).where('status', 'active')
      .orderBy([{ column: 'sort_order' }, { column: 'created_at' }]);
    return roles.filter((r) => r.permissions.every((p) => actor.permissions.has(p))).map(({ id, name }) => ({ id, name }));
  }

  private async view(role: RoleModel): Promise<RoleView> {
    return { id: role.id, name: role.name, type: role.type ?? null, order: role.sortOrder ?? null, status: role.status,
      description: role.description ?? null, permissions: role.permissions, builtin: role.builtin,
      accountCount: (await this.holders(role.id)).length };
  }
}
