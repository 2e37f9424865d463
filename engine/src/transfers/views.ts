import type { Knex } from 'knex';
import type { Actor } from '../access/index.js';
import type { Database } from '../db/index.js';
import { NotFoundError } from '../errors/index.js';
import type { HistoryEvent, HistoryPerson } from '../workflow/index.js';
import { DEPARTMENT_ENTITY } from './application.js';
import type { Transfer } from './TransferRepository.js';

type Q = Knex | Knex.Transaction;

/** Where a pending transfer waits: the releasing institution's review, or the applicant's revision after a send-back. */
export type TransferStage = 'review' | 'revise';

/** A transfer as the API shows it: the two institutions and the department by name, and where it waits. */
export interface TransferView extends Transfer {
  fromOrgName: string;
  toOrgName: string;
  departmentName: string | null;
  stage: TransferStage | null;
  /** Whether the reader applied for it (and so may resubmit or withdraw it while pending). */
  mine: boolean;
}

/** One transfer with its process history, the person's other transfers the reader may see, and the applicant's open revision. */
export interface TransferDetail extends TransferView {
  events: HistoryEvent[];
  /** Nickname and organisation of each account in `events`. */
  people: Record<string, HistoryPerson>;
  personHistory: TransferView[];
  /** The applicant's task after a send-back (only for the applicant): resubmit or withdraw through it. */
  reviseTaskId: string | null;
}

export const transferNotFound = () => new NotFoundError('该人员调动申请不存在，或您无权查看。');

/** Whether the reader is one of the two institutions, or a bureau above either. */
export async function canSee(q: Q, actor: Actor, transfer: Transfer): Promise<boolean> {
  if (actor.orgId === transfer.fromOrgId || actor.orgId === transfer.toOrgId) return true;
  if (actor.orgLevel === 'institution') return false;
  const paths: Array<{ path: string }> = await q('orgs').whereIn('id', [transfer.fromOrgId, transfer.toOrgId]).select('path');
  return paths.some((o) => o.path.startsWith(actor.orgPath));
}

export async function visibleOr404(q: Q, actor: Actor, transfer: Transfer | undefined): Promise<Transfer> {
  if (!transfer || !transfer.instanceId || !await canSee(q, actor, transfer)) throw transferNotFound();
  return transfer;
}

/** Views of several transfers with three queries in all (names, departments, open tasks). */
export async function viewsOf(db: Database, actor: Actor, items: Transfer[]): Promise<TransferView[]> {
  if (items.length === 0) return [];
  const q = db.knex;
  const orgIds = [...new Set(items.flatMap((t) => [t.fromOrgId, t.toOrgId]))];
  const orgs = new Map((await q('orgs').whereIn('id', orgIds).select('id', 'name')).map((o: { id: string; name: string }) => [o.id, o.name]));
  const departments: Array<{ id: string; data: unknown }> = await q('records').where('entity', DEPARTMENT_ENTITY)
    .whereIn('id', [...new Set(items.map((t) => t.departmentId))]).select('id', 'data');
  const departmentNames = new Map(departments.map((d) => [d.id, String((db.dialect.parseJson(d.data) as { name?: unknown }).name ?? '')]));
  const instanceIds = items.map((t) => t.instanceId).filter((id): id is string => id !== null);
  const open: Array<{ instance_id: string; assignee_role: string }> = await q('user_tasks').whereIn('instance_id', instanceIds)
    .where('status', 'open').select('instance_id', 'assignee_role');
  const stages = new Map(open.map((t) => [t.instance_id, t.assignee_role === 'initiator' ? 'revise' as const : 'review' as const]));
  return items.map((t) => ({ ...t, fromOrgName: orgs.get(t.fromOrgId) ?? '', toOrgName: orgs.get(t.toOrgId) ?? '',
    departmentName: departmentNames.get(t.departmentId) ?? null, mine: t.requestedBy === actor.accountId,
    stage: t.status === 'pending' && t.instanceId ? stages.get(t.instanceId) ?? null : null }));
}
