import type { MenuAction, MenuContent, MenuItem } from '../definitions/index.js';

/** Org levels a role can hold permissions at; `system` is the system administrator's own level. */
export type AccessLevel = 'system' | 'province' | 'city' | 'district' | 'institution';

export interface Permission {
  key: string;
  title: string;
  levels: AccessLevel[];
  entity?: string;
  action?: MenuAction['key'];
}

const expand = (levels: string[] | undefined, inherited: AccessLevel[]): AccessLevel[] =>
  levels ? levels.flatMap((l) => (l === 'bureau' ? ['province', 'city', 'district'] : [l])) as AccessLevel[] : inherited;

/**
 * Permissions derived from the menu definition: each item is a permission (`hr.person`), each of
 * its actions another (`hr.person.create`). An item's entity gives the data routes it governs.
 */
export class PermissionCatalog {
  readonly permissions: Permission[] = [];
  private readonly byEntityAction = new Map<string, string[]>();

  constructor(menu: MenuContent | undefined) {
    const visit = (items: MenuItem[], inherited: AccessLevel[]) => items.forEach((item) => {
      const levels = expand(item.levels, inherited);
      this.permissions.push({ key: item.key, title: item.title, levels, ...(item.entity ? { entity: item.entity } : {}) });
      for (const action of item.actions ?? []) {
        this.permissions.push({ key: `${item.key}.${action.key}`, title: action.title, levels: expand(action.levels, levels),
          ...(item.entity ? { entity: item.entity } : {}), action: action.key });
      }
      visit(item.children ?? [], levels);
    });
    visit(menu?.items ?? [], ['system', 'province', 'city', 'district', 'institution']);
    for (const p of this.permissions) {
      if (!p.entity) continue;
      const id = `${p.entity}|${p.action ?? ''}`;
      this.byEntityAction.set(id, [...(this.byEntityAction.get(id) ?? []), p.key]);
    }
  }

  /** Every permission that exists at a level (what a main account of that level holds). */
  availableAt(level: AccessLevel): string[] {
    return this.permissions.filter((p) => p.levels.includes(level)).map((p) => p.key);
  }

  /** Permission keys that allow reading an entity's records, or one action on them. */
  keysFor(entity: string, action?: MenuAction['key']): string[] {
    return this.byEntityAction.get(`${entity}|${action ?? ''}`) ?? [];
  }
}
