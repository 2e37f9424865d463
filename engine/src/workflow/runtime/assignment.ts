import type { Knex } from 'knex';
import type { Actor } from '../../access/index.js';
import { assigneeDataField } from '../model/assignment.js';
import type { Assignee, ProcessModel } from '../model/types.js';
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

/** `org="data:<field>"`: the organisation whose id the instance data holds, when it exists. */
async function orgFromData(q: Q, data: Record<string, unknown>, field: string): Promise<string | undefined> {
  const id = data[field];
  if (typeof id !== 'string') return undefined;
  const org = await q('orgs').where('id', id).first('id');
  return org ? String(org.id) : undefined;
}

/**
 * The organisation a task is assigned to: `level` relative to the initiator's organisation, or the
 * one named by the instance data (`org`). Null for `initiator` tasks (the initiator account itself
 * works on them); undefined when there is no such organisation.
 */
export async function resolveAssigneeOrg(q: Q, instance: Pick<InstanceRow, 'orgId' | 'data'>, assignee: Assignee):
  Promise<string | null | undefined> {
  if (assignee.role === 'initiator') return null;
  const field = assigneeDataField(assignee);
  if (field !== undefined) return orgFromData(q, instance.data, field);
  const own = await q('orgs').where('id', instance.orgId).first('path');
  const ids = String(own?.path ?? '').split('/').filter(Boolean);
  const rows: Array<{ id: string; level: string }> = await q('orgs').whereIn('id', ids).select('id', 'level');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chain = ids.reverse().map((id) => byId.get(id)).filter((o): o is { id: string; level: string } => o !== undefined);
  return levelResolvers[assignee.level ?? 'self']?.(chain);
}

/**
 * The instance data fields that decide who works on the process's tasks (`org="data:<field>"`):
 * written at start only, never by a task's completion (else a completer could pick the approver).
 */
export function assignmentDataFields(model: ProcessModel): Set<string> {
  const fields = new Set<string>();
  for (const node of Object.values(model.nodes)) {
    const field = node.assignee ? assigneeDataField(node.assignee) : undefined;
    if (field !== undefined) fields.add(field);
  }
  return fields;
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
