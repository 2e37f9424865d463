import type { Actor } from '../access/index.js';
import { ForbiddenError } from '../errors/index.js';
import type { TransferSide } from './listQuery.js';

/** The menu's permissions of 人员变动管理 (definitions/menus/main.json). */
export const transferPermissions = {
  apply: 'hr.transferApply',
  in: 'hr.transferIn',
  out: 'hr.transferOut',
} as const;

/** Who reads a side's list: 人员调入 (and the applicants of 调入申请, their own applications), or 人员调出. */
const readers: Record<TransferSide | 'any', readonly string[]> = {
  in: [transferPermissions.in, transferPermissions.apply],
  out: [transferPermissions.out],
  any: Object.values(transferPermissions),
};

export function requireTransferRead(actor: Actor, side: TransferSide | 'any'): void {
  if (!readers[side].some((p) => actor.permissions.has(p))) {
    throw new ForbiddenError('您没有查看人员调动的权限，请联系本单位总账号分配权限。');
  }
}
