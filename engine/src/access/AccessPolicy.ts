import type { Knex } from 'knex';
import type { Models, OrgLevel } from '../db/index.js';
import type { DefinitionRegistry, MenuContent, MenuAction } from '../definitions/index.js';
import { ForbiddenError } from '../errors/index.js';
import type { Actor } from './Actor.js';
import { PermissionCatalog, type AccessLevel } from './PermissionCatalog.js';

/**
 * Role-based access from the menu definition: a role holds permission keys (or `*`, every
 * permission of its level). Checked by the server on every route; the UI only mirrors it.
 */
export class AccessPolicy {
  private cached?: { version: number; catalog: PermissionCatalog };

  constructor(private readonly registry: DefinitionRegistry, private readonly models: Models,
    private readonly reader: Knex = models.Role.knex()) {}

  catalog(): PermissionCatalog {
    const menu = this.registry.get('menu', 'main');
    const version = menu?.version ?? 0;
    if (this.cached?.version !== version) {
      this.cached = { version, catalog: new PermissionCatalog(menu?.content as MenuContent | undefined) };
    }
    return this.cached.catalog;
  }

  /** The effective permissions of an account's active roles at its organisation. */
  async permissionsOf(accountId: string, orgLevel: OrgLevel): Promise<{ roles: string[]; roleNames: string[]; permissions: Set<string> }> {
    // Plain knex: this runs on every request.
    const rows = await this.reader('roles').join('account_roles', 'account_roles.role_id', 'roles.id')
      .where('account_roles.account_id', accountId).where('roles.status', 'active').select('roles.*') as Record<string, unknown>[];
    const roles = rows.map((row) => this.models.Role.fromDatabaseJson(row));
    const catalog = this.catalog();
    const permissions = new Set<string>();
    for (const role of roles) {
      const level = (role.level === 'system' ? 'system' : orgLevel) as AccessLevel;
      const available = new Set(catalog.availableAt(level));
      const granted = role.permissions.includes('*') ? available
        : catalog.withAncestors(role.permissions.filter((p) => available.has(p)));
      for (const key of granted) if (available.has(key)) permissions.add(key);
    }
    return { roles: roles.map((r) => r.key), roleNames: roles.map((r) => r.name), permissions };
  }

  canRead(actor: Actor, entity: string): boolean {
    return this.catalog().keysFor(entity, 'view').some((key) => actor.permissions.has(key));
  }

  can(actor: Actor, entity: string, action: MenuAction['key']): boolean {
    return this.catalog().keysFor(entity, action).some((key) => actor.permissions.has(key));
  }

  requireRead(actor: Actor, entity: string): void {
    if (!this.canRead(actor, entity)) throw new ForbiddenError('您没有查看该功能的权限，请联系本单位总账号分配权限。');
  }

  require(actor: Actor, entity: string, action: MenuAction['key']): void {
    if (!this.can(actor, entity, action)) throw new ForbiddenError('您没有执行此操作的权限，请联系本单位总账号分配权限。');
  }
}
