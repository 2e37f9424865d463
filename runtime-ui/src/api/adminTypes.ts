/**
 * Shapes of the system-management calls, from the engine's contract (`@zjrj/engine/contract`) under
 * the names this app uses; only the query shapes are the app's own.
 */
import type {
  AccountCreate, AccountScope, AccountUpdate, AccountView, ActiveStatus, AuditItem, PasswordPolicyView, PasswordReset,
  PermissionNode, RealNameStatus, RoleInput, RoleView,
} from '@zjrj/engine/contract';

export type { AccountCreate, AccountScope, AccountUpdate, ActiveStatus, AuditItem, PasswordReset, PermissionNode, RealNameStatus, RoleInput };
export type PasswordPolicy = PasswordPolicyView;
export type Role = RoleView;
export type Account = AccountView;
/** A role the account form may assign (`GET /api/accounts/role-options`). */
export type RoleOption = Pick<RoleView, 'id' | 'name'>;

export interface AccountQuery {
  scope?: AccountScope;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface AuditQuery {
  page?: number;
  pageSize?: number;
  /** An action (`account.create`) or its prefix (`account`). */
  action?: string;
  /** Instants in any ISO 8601 form (the engine normalises them). */
  from?: string;
  to?: string;
}
