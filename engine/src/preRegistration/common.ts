import type { Actor } from '../access/index.js';
import type { Database } from '../db/index.js';
import { ForbiddenError } from '../errors/index.js';

/** The review process (definitions/processes/preRegistration.json). */
export const PROCESS = 'preRegistration';

/** Permissions of the menu definition's 医师资格考试预报名 items. */
export const PERMISSIONS = {
  /** The institution's candidate list (预报名上报). */
  candidates: 'exam.submit.view',
  /** Submitting and withdrawing (上报). */
  submit: 'exam.submit.create',
  /** The bureaus' accepted lists (预报名审核结果). */
  accepted: 'exam.accepted.view',
  export: 'exam.accepted.export',
} as const;

/** Who holds the locks of a submission's candidates. */
export const lockHolder = (submissionId: string) => `preRegistration:${submissionId}`;

export async function orgName(db: Database, orgId: string): Promise<string> {
  const org = await db.reader('orgs').where('id', orgId).first('name') as { name: string } | undefined;
  return org?.name ?? '';
}

/**
 * Whether an organisation's pre-registration data is the actor's to see: their own institution's,
 * or an institution in the subtree of their bureau (org scope). 403 without either permission.
 */
export async function visibleTo(db: Database, actor: Actor, orgId: string): Promise<boolean> {
  if (!actor.permissions.has(PERMISSIONS.candidates) && !actor.permissions.has(PERMISSIONS.accepted)) {
    throw new ForbiddenError('您没有查看预报名信息的权限，请联系本单位总账号分配权限。');
  }
  if (orgId === actor.orgId) return true;
  if (actor.orgLevel === 'institution') return false;
  const org = await db.reader('orgs').where('id', orgId).first('path') as { path: string } | undefined;
  return org !== undefined && org.path.startsWith(actor.orgPath);
}
