import type { MenuAction, MenuContent, MenuItem } from '../definitions/index.js';

/** Org levels a role can hold permissions at; `system` is the system administrator's own level. */
export type AccessLevel = 'system' | 'province' | 'city' | 'district' | 'institution';

/** `view` is implicit: every item with an entity or actions has a 查看 leaf beside its other actions. */
export type PermissionAction = MenuAction['key'] | 'view';

export interface Permission {
  key: string;
  title: string;
  levels: AccessLevel[];
  parent?: string;
  entity?: string;
  action?: PermissionAction;
}

import type { PermissionNode } from '../contract/index.js';

export type { PermissionNode };

const ALL_LEVELS: AccessLevel[] = ['system', 'province', 'city', 'district', 'institution'];
const expand = (levels: string[] | undefined, inherited: AccessLevel[]): AccessLevel[] =>
  levels ? levels.flatMap((l) => (l === 'bureau' ? ['province', 'city', 'district'] : [l])) as AccessLevel[] : inherited;

/**
 * Permissions derived from the menu definition: each item is a permission (`hr.person`); an item
 * with an entity or actions gets the leaves `hr.person.view` (查看) and one per action
 * (`hr.person.create`). A granted parent grants all its children (父子联动), a granted leaf makes its
 * ancestors visible; an item's entity gives the data routes it governs.
 */
export class PermissionCatalog {
  readonly permissions: Permission[] = [];
  private readonly byKey = new Map<string, Permission>();
  private readonly byEntityAction = new Map<string, string[]>();

  constructor(menu: MenuContent | undefined) {
    const add = (p: Permission) => { this.permissions.push(p); this.byKey.set(p.key, p); };
    const visit = (items: MenuItem[], inherited: AccessLevel[], parent?: string) => items.forEach((item) => {
      const levels = expand(item.levels, inherited);
      const base = { levels, ...(parent ? { parent } : {}), ...(item.entity ? { entity: item.entity } : {}) };
      add({ key: item.key, title: item.title, ...base });
      if (item.entity || item.actions?.length) add({ key: `${item.key}.view`, title: '查看', ...base, parent: item.key, action: 'view' });
      for (const action of item.actions ?? []) {
        add({ key: `${item.key}.${action.key}`, title: action.title, ...base, levels: expand(action.levels, levels),
          parent: item.key, action: action.key });
      }
      visit(item.children ?? [], levels, item.key);
    });
    visit(menu?.items ?? [], ALL_LEVELS);
    for (const p of this.permissions.filter((q) => q.entity && q.action)) {
      const id = `${p.entity}|${p.action}`;
      this.byEntityAction.set(id, [...(this.byEntityAction.get(id) ?? []), p.key]);
    }
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Every permission that exists at a level (what a main account of that level holds). */
  availableAt(level: AccessLevel): string[] {
    return this.permissions.filter((p) => p.levels.includes(level)).map((p) => p.key);
  }

  /** Permission keys that allow one action on an entity's records (`view` to read them). */
  keysFor(entity: string, action: PermissionAction): string[] {
    return this.byEntityAction.get(`${entity}|${action}`) ?? [];
  }

  /** 父子联动: a granted parent grants all its children. */
  withDescendants(keys: Iterable<string>): Set<string> {
    const result = new Set<string>();
    const add = (key: string) => {
      result.add(key);
      for (const child of this.permissions.filter((p) => p.parent === key)) add(child.key);
    };
    for (const key of keys) if (this.byKey.has(key)) add(key);
    return result;
  }

  /** A granted child makes its ancestors visible (navigation only: an item without entity grants no data). */
  withAncestors(keys: Iterable<string>): Set<string> {
    const result = new Set<string>();
    for (const key of keys) {
      for (let p = this.byKey.get(key); p; p = p.parent ? this.byKey.get(p.parent) : undefined) result.add(p.key);
    }
    return result;
  }

  /** The tree of permissions among `allowed`, in menu order. */
  tree(allowed: ReadonlySet<string>, parent?: string): PermissionNode[] {
    return this.permissions.filter((p) => p.parent === parent && allowed.has(p.key))
      .map((p) => ({ key: p.key, title: p.title, children: this.tree(allowed, p.key) }));
  }
}
