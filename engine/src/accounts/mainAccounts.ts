import { hashPassword, usernameKey } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { newId } from '../ids/index.js';

export interface MainAccountInput {
  orgId: string;
  username: string;
  nickname: string;
  password: string;
  /** The built-in role (`main`, or `system-admin`) it holds. */
  roleId: string;
  isMain: boolean;
  realNameStatus: 'none' | 'approved';
  internetAccess: boolean;
  now: string;
}

/**
 * A level-1/2 account (system administrator, or the main account of an organisation): what the
 * demo seed creates, and what organisation management will create. Its password must be changed
 * at the first login.
 */
export async function createMainAccount(db: Database, input: MainAccountInput): Promise<string> {
  const id = newId();
  await db.knex.transaction(async (trx) => {
    await db.models.Account.query(trx).insert({
      id, orgId: input.orgId, username: input.username, usernameKey: usernameKey(input.username), nickname: input.nickname,
      passwordHash: await hashPassword(input.password), mustChangePassword: true, realNameStatus: input.realNameStatus,
      isMain: input.isMain, internetAccess: input.internetAccess, status: 'active', failedAttempts: 0, createdAt: input.now,
      subsystems: ['resource', 'exam'],
    });
    await trx('account_roles').insert({ account_id: id, role_id: input.roleId });
  });
  return id;
}
