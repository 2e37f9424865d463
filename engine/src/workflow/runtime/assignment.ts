import type { Knex } from 'knex';
import type { Actor } from '../../access/index.js';
import type { Assignee } from '../model/types.js';
import type { InstanceRow, TaskRow } from './types.js';

type Q = Knex | Knex.Transaction;

/** How each `level` finds its organisation among the initiator's org and its ancestors (nearest first). */
const levelResolvers: Record<string, (chain: Array<{ id: string; level: string }>) => string | undefined> = {
  self: (chain) => chain[0]?.id,
  parent: (chain) => chain[1]?.id,
  district: (chain) => chain.find((o) => o.level === 'district')?.id,
  city: (chain) => chain.find((o) => o.level === 'city')?.id,
  province: (chain) => chain.find((o) => o.level === 'province')?.id,
};

/**
 * The organisation a task is assigned to: `level` relative to the initiator's organisation. Null
 * for `initiator` tasks (the initiator account itself works on them); undefined when the tree has
 * no such organisation.
 */
export async function resolveAssigneeOrg(q: Q, initiatorOrgId: string, assignee: Assignee): Promise<string | null | undefined> {
  if (assignee.role === 'initiator') return null;
  const own = await q('orgs').where('id', initiatorOrgId).first('path');
  const ids = String(own?.path ?? '').split('/').filter(Boolean);
  const rows: Array<{ id: string; level: string }> = await q('orgs').whereIn('id', ids).select('id', 'level');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chain = ids.reverse().map((id) => byId.get(id)).filter((o): o is { id: string; level: string } => o !== undefined);
  return levelResolvers[assignee.level ?? 'self']?.(chain);
}

/** Who an actor is, as far as assignment matching needs. */
export interface Assignable { actor: Actor; isMain: boolean }

/** Whether the task's assignment covers the account (role within the resolved org, or the initiator). */
const roleMatchers: Record<string, (who: Assignable, task: TaskRow, instance: InstanceRow) => boolean> = {
  initiator: ({ actor }, _task, instance) => actor.accountId === instance.initiatorId,
  main: ({ actor, isMain }, task) => isMain && actor.orgId === task.assigneeOrgId,
  reviewer: ({ actor, isMain }, task) => actor.orgId === task.assigneeOrgId
    && (isMain || (task.assigneePermission !== null && actor.permissions.has(task.assigneePermission))),
};

export function isAssignee(who: Assignable, task: TaskRow, instance: InstanceRow): boolean {
  return roleMatchers[task.assigneeRole]?.(who, task, instance) ?? false;
}

/** The initiator never completes a review step of their own request (self-approval). */
export function isSelfApproval(actor: Actor, task: TaskRow, instance: InstanceRow): boolean {
  return task.assigneeRole !== 'initiator' && actor.accountId === instance.initiatorId;
}

export async function accountIsMain(q: Q, accountId: string): Promise<boolean> {
  const row = await q('accounts').where('id', accountId).first('is_main');
  return Boolean(row?.is_main);
}
