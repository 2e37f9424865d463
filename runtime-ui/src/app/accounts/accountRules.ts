import type { Account, AccountScope, MenuAction } from '../../api';

/** What a row of the account list offers. */
export type RowAction = 'edit' | 'toggleStatus' | 'internetAccess' | 'unlock' | 'resetPassword' | 'delete';

export interface RowContext {
  scope: AccountScope;
  /** The actions the menu grants on 账号管理. */
  actions: readonly MenuAction[];
  /** The logged-in account (managed in 个人中心, never here). */
  selfId: string;
}

/**
 * The buttons of one account, as the server allows them: in 本单位 the main account and one's own
 * account offer nothing (guide §7.2: 此账号为总账号，不能进行操作), the others 修改, 停用/启用, 解锁
 * (when locked), 重置密码, 删除; in 下级单位 only 停用/启用, 互联网访问, 解锁 and 重置密码 — the
 * organisation maintains the rest itself. Each only when the menu grants its action.
 */
export function rowActions(account: Account, { scope, actions, selfId }: RowContext): RowAction[] {
  if (scope === 'own' && (account.isMain || account.id === selfId)) return [];
  const granted = (action: MenuAction) => actions.includes(action);
  const wanted: Array<[RowAction, boolean]> = [
    ['edit', scope === 'own' && granted('update')],
    ['toggleStatus', granted('update')],
    ['internetAccess', scope === 'below' && granted('update')],
    ['unlock', Boolean(account.lockedUntil) && granted('unlock')],
    ['resetPassword', granted('resetPassword')],
    ['delete', scope === 'own' && granted('delete')],
  ];
  return wanted.filter(([, on]) => on).map(([action]) => action);
}

/** Bureaus and the system administrator also manage the organisations under them (本单位 / 下级单位). */
export function managesBelow(orgLevel: string): boolean {
  return orgLevel !== 'institution';
}
