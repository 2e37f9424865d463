import type { Knex } from 'knex';
import { BaseModel } from './BaseModel.js';

export type OrgLevel = 'province' | 'city' | 'district' | 'institution';

export class OrgModel extends BaseModel {
  static override tableName = 'orgs';
  id!: string;
  parentId!: string | null;
  name!: string;
  level!: OrgLevel;
  /** Materialised path of ids, `/root/…/self/`: descendants share this prefix. */
  path!: string;
  code!: string | null;
  createdAt!: string;
}

export class RoleModel extends BaseModel {
  static override tableName = 'roles';
  static override jsonAttributes = ['permissions'];
  static override booleanColumns = ['builtin'];
  id!: string;
  orgId!: string | null;
  key!: string;
  name!: string;
  level!: string;
  builtin!: boolean;
  /** Permission keys from the menu definition; `*` grants every permission of the role's level. */
  permissions!: string[];
  status!: 'active' | 'disabled';
  createdAt!: string;
  type!: string | null;
  sortOrder!: number | null;
  parentRoleId!: string | null;
  description!: string | null;
  createdBy!: string | null;
}

export type RealNameStatus = 'none' | 'submitted' | 'approved' | 'rejected';

export class AccountModel extends BaseModel {
  static override tableName = 'accounts';
  static override jsonAttributes = ['subsystems'];
  static override booleanColumns = ['mustChangePassword', 'isMain', 'internetAccess'];
  id!: string;
  orgId!: string;
  username!: string;
  usernameKey!: string;
  nickname!: string;
  mobile!: string | null;
  passwordHash!: string;
  mustChangePassword!: boolean;
  passwordChangedAt!: string | null;
  realNameStatus!: RealNameStatus;
  isMain!: boolean;
  internetAccess!: boolean;
  status!: 'active' | 'disabled';
  failedAttempts!: number;
  lockedUntil!: string | null;
  createdAt!: string;
  createdBy!: string | null;
  subsystems!: string[] | null;
  /** When two-factor login was enrolled (auth/twoFactor); null without it. */
  twoFactorEnabledAt!: string | null;
}

export class SessionModel extends BaseModel {
  static override tableName = 'sessions';
  id!: string;
  accountId!: string;
  csrfToken!: string;
  createdAt!: string;
  lastSeenAt!: string;
  expiresAt!: string;
  ip!: string | null;
  userAgent!: string | null;
}

export type DefinitionStatus = 'draft' | 'published';

export class DefinitionModel extends BaseModel {
  static override tableName = 'definitions';
  static override jsonAttributes = ['content'];
  id!: string;
  kind!: string;
  key!: string;
  version!: number;
  status!: DefinitionStatus;
  schemaVersion!: number;
  title!: string;
  content!: Record<string, unknown>;
  checksum!: string;
  source!: 'file' | 'designer';
  sourcePath!: string | null;
  createdAt!: string;
  publishedAt!: string | null;
  createdBy!: string | null;
  /** The publisher's note (designer). */
  note!: string | null;
}

export class AuditEventModel extends BaseModel {
  static override tableName = 'audit_events';
  static override jsonAttributes = ['details'];
  id!: number;
  at!: string;
  accountId!: string | null;
  orgId!: string | null;
  action!: string;
  entity!: string | null;
  recordId!: string | null;
  ip!: string | null;
  requestId!: string | null;
  details!: Record<string, unknown> | null;
}

const modelClasses = {
  Org: OrgModel,
  Role: RoleModel,
  Account: AccountModel,
  Session: SessionModel,
  Definition: DefinitionModel,
  AuditEvent: AuditEventModel,
};

export type Models = { [K in keyof typeof modelClasses]: (typeof modelClasses)[K] };

/** Model classes bound to one database: no global knex, so several databases can live in one process. */
export function bindModels(knex: Knex): Models {
  const bound = {} as Record<string, unknown>;
  for (const [name, model] of Object.entries(modelClasses)) bound[name] = model.bindKnex(knex);
  return bound as Models;
}
