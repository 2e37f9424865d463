/** System management (guide §7) in the HTTP contract: password policy, permissions, roles, accounts, audit. */

/** `GET /api/auth/password-policy`: the rules in force, as Chinese sentences. */
export interface PasswordPolicyView {
  key: string;
  title: string;
  rules: string[];
  lockout: { maxFailures: number; lockMinutes: number };
}

/** `GET /api/permissions`: what the current user may grant — menu items with their action leaves. */
export interface PermissionNode {
  key: string;
  title: string;
  children: PermissionNode[];
}

export type ActiveStatus = 'active' | 'disabled';

/** `GET /api/roles`; `permissions` are stored expanded (a granted parent lists all its children). */
export interface RoleView {
  id: string;
  name: string;
  type: string | null;
  order: number | null;
  status: ActiveStatus;
  description: string | null;
  permissions: string[];
  builtin: boolean;
  accountCount: number;
}

/** Body of `POST /api/roles` and `PUT /api/roles/:id`. */
export interface RoleInput {
  name: string;
  type?: string;
  order?: number;
  status?: ActiveStatus;
  description?: string;
  permissions: string[];
}

export type RealNameStatus = 'none' | 'submitted' | 'approved' | 'rejected';

/** One row of `GET /api/accounts`. */
export interface AccountView {
  id: string;
  username: string;
  nickname: string;
  mobile: string | null;
  orgId: string;
  orgName: string;
  roles: Array<{ id: string; name: string }>;
  isMain: boolean;
  status: ActiveStatus;
  internetAccess: boolean;
  subsystems: string[];
  realNameStatus: RealNameStatus;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

/** `own`: the user's organisation; `below`: the organisations under it (bureaus, system administrator). */
export type AccountScope = 'own' | 'below';

/** Body of `POST /api/accounts`; no password → the default one (changed at first login either way). */
export interface AccountCreate {
  roleId: string;
  username: string;
  nickname: string;
  mobile?: string;
  password?: string;
  confirmPassword?: string;
  subsystems?: string[];
}

/** Body of `PUT /api/accounts/:id`; username and nickname cannot change. */
export interface AccountUpdate {
  roleId?: string;
  mobile?: string | null;
  subsystems?: string[];
  status?: ActiveStatus;
  internetAccess?: boolean;
}

/** Body of `POST /api/accounts/:id/reset-password`; empty → the default password. */
export interface PasswordReset {
  password?: string;
  confirmPassword?: string;
}

/** An audit event's kind (`AuditItem.action`); the UI names each in Chinese. */
export type { AuditAction } from '../audit/actions.js';

/** One row of `GET /api/audit`. */
export interface AuditItem {
  id: number;
  at: string;
  action: string;
  result: string | null;
  accountId: string | null;
  username: string | null;
  nickname: string | null;
  orgName: string | null;
  ip: string | null;
  entity: string | null;
  recordId: string | null;
  details: unknown;
}
