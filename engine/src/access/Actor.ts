import type { OrgLevel } from '../db/index.js';

/** Who is acting: the logged-in account, its organisation and what it may do. */
export interface Actor {
  accountId: string;
  username: string;
  orgId: string;
  orgPath: string;
  orgLevel: OrgLevel;
  roles: string[];
  permissions: ReadonlySet<string>;
  ip?: string;
  requestId?: string;
}
