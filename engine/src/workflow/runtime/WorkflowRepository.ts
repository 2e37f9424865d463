import type { Knex } from 'knex';
import type { Database } from '../../db/index.js';
import { newId } from '../../ids/index.js';
import { registerEncryptedStore, type FieldCipher } from '../../privacy/index.js';
import { columnStore, openEnvelope, sealEnvelope } from '../../privacy/columns/index.js';
import type { HistoryEvent, HistoryType, InstanceRow, InstanceStatus, TaskRow, TokenRow, TokenState } from './types.js';

type Raw = Record<string, unknown>;
type Q = Knex | Knex.Transaction;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Process variables copy form and record values (a real-name applicant's ID number): encrypted as a whole. */
const DATA = { column: 'data', context: 'process_instances.data', form: 'envelope' } as const;
registerEncryptedStore(columnStore('process_instances', 'process_instances', [DATA]));

/** The four execution tables. Every write takes the step's transaction. */
export class WorkflowRepository {
  constructor(private readonly db: Database, private readonly cipher: FieldCipher) {}

  get knex(): Knex { return this.db.knex; }

  private instance(raw: Raw): InstanceRow {
    return {
      id: String(raw.id), processKey: String(raw.process_key), processVersion: Number(raw.process_version),
      businessKey: str(raw.business_key), orgId: String(raw.org_id), initiatorId: String(raw.initiator_id),
      initiatorIsMain: Boolean(raw.initiator_is_main), status: raw.status as InstanceStatus,
      data: openEnvelope<Record<string, unknown> | null>(this.cipher, this.db.dialect.parseJson(raw.data), DATA.context) ?? {},
      createdAt: String(raw.created_at), updatedAt: String(raw.updated_at), endedAt: str(raw.ended_at),
    };
  }

  private task = (raw: Raw): TaskRow => ({
    id: String(raw.id), instanceId: String(raw.instance_id), tokenId: String(raw.token_id), nodeId: String(raw.node_id),
    name: String(raw.name), assigneeRole: String(raw.assignee_role), assigneeLevel: str(raw.assignee_level),
    assigneePermission: str(raw.assignee_permission), assigneeOrgId: str(raw.assignee_org_id), status: raw.status as TaskRow['status'],
    outcome: str(raw.outcome), comment: str(raw.comment), completedBy: str(raw.completed_by), completedAt: str(raw.completed_at),
    createdAt: String(raw.created_at),
  });

  async insertInstance(trx: Q, row: InstanceRow): Promise<void> {
    await trx('process_instances').insert({
      id: row.id, process_key: row.processKey, process_version: row.processVersion, business_key: row.businessKey,
      org_id: row.orgId, initiator_id: row.initiatorId, initiator_is_main: row.initiatorIsMain, status: row.status,
      data: sealEnvelope(this.cipher, row.data, DATA.context), created_at: row.createdAt, updated_at: row.updatedAt, ended_at: row.endedAt,
    });
  }

  async getInstance(id: string, trx: Q = this.db.knex): Promise<InstanceRow | undefined> {
    const raw = await trx('process_instances').where('id', id).first();
    return raw ? this.instance(raw) : undefined;
  }

  /**
   * Takes the instance for one step: a conditional write that holds its row lock until commit, so
   * steps of one instance (and a withdrawal) run one after another. False when it is not running.
   */
  async lockRunning(trx: Q, id: string, now: string, status: InstanceStatus = 'running'): Promise<boolean> {
    const ended = status === 'running' ? {} : { ended_at: now };
    const count = await trx('process_instances').where({ id, status: 'running' }).update({ status, updated_at: now, ...ended });
    return count === 1;
  }

  async saveInstance(trx: Q, row: InstanceRow): Promise<void> {
    await trx('process_instances').where('id', row.id)
      .update({ status: row.status, data: sealEnvelope(this.cipher, row.data, DATA.context), updated_at: row.updatedAt, ended_at: row.endedAt });
  }

  async insertToken(trx: Q, instanceId: string, nodeId: string, flowId: string | null, state: TokenState, now: string): Promise<TokenRow> {
    const row: TokenRow = { id: newId(), instanceId, nodeId, flowId, state };
    await trx('process_tokens').insert({ id: row.id, instance_id: instanceId, node_id: nodeId, flow_id: flowId, state, created_at: now });
    return row;
  }

  async setToken(trx: Q, token: Pick<TokenRow, 'id' | 'nodeId' | 'flowId' | 'state'>): Promise<void> {
    await trx('process_tokens').where('id', token.id).update({ node_id: token.nodeId, flow_id: token.flowId, state: token.state });
  }

  async liveTokens(trx: Q, instanceId: string): Promise<TokenRow[]> {
    const rows: Raw[] = await trx('process_tokens').where('instance_id', instanceId).whereNot('state', 'ended').orderBy('id');
    return rows.map((r) => ({ id: String(r.id), instanceId, nodeId: String(r.node_id), flowId: str(r.flow_id), state: r.state as TokenState }));
  }

  async endTokens(trx: Q, instanceId: string): Promise<void> {
    await trx('process_tokens').where('instance_id', instanceId).whereNot('state', 'ended').update({ state: 'ended' });
  }

  async insertTask(trx: Q, row: TaskRow): Promise<void> {
    await trx('user_tasks').insert({
      id: row.id, instance_id: row.instanceId, token_id: row.tokenId, node_id: row.nodeId, name: row.name,
      assignee_role: row.assigneeRole, assignee_level: row.assigneeLevel, assignee_permission: row.assigneePermission,
      assignee_org_id: row.assigneeOrgId, status: row.status, created_at: row.createdAt,
    });
  }

  async getTask(id: string, trx: Q = this.db.knex): Promise<TaskRow | undefined> {
    const raw = await trx('user_tasks').where('id', id).first();
    return raw ? this.task(raw) : undefined;
  }

  /** The atomic claim: only one of concurrent completions finds the task still open. */
  async claimTask(trx: Q, id: string, done: { outcome: string; comment: string | null; by: string; at: string }): Promise<boolean> {
    const count = await trx('user_tasks').where({ id, status: 'open' })
      .update({ status: 'done', outcome: done.outcome, comment: done.comment, completed_by: done.by, completed_at: done.at });
    return count === 1;
  }

  async tasksOf(instanceId: string, trx: Q = this.db.knex): Promise<TaskRow[]> {
    const rows: Raw[] = await trx('user_tasks').where('instance_id', instanceId).orderBy('id');
    return rows.map(this.task);
  }

  async cancelOpenTasks(trx: Q, instanceId: string): Promise<void> {
    await trx('user_tasks').where({ instance_id: instanceId, status: 'open' }).update({ status: 'cancelled' });
  }

  /** Tasks of a status whose assignment may match the account (the caller filters precisely). */
  async candidateTasks(q: { status: string; orgId: string; accountId: string }): Promise<Array<{ task: TaskRow; instance: InstanceRow }>> {
    const rows: Raw[] = await this.db.reader('user_tasks as t').join('process_instances as i', 'i.id', 't.instance_id')
      .where('t.status', q.status)
      .where((w) => w.where('t.assignee_org_id', q.orgId)
        .orWhere((o) => o.where('t.assignee_role', 'initiator').where('i.initiator_id', q.accountId)))
      .orderBy('t.created_at', 'desc').orderBy('t.id', 'desc').limit(500)
      .select('t.*', 'i.process_key', 'i.process_version', 'i.business_key', 'i.org_id', 'i.initiator_id', 'i.initiator_is_main',
        'i.status as instance_status', 'i.data', 'i.created_at as instance_created_at', 'i.updated_at', 'i.ended_at');
    return rows.map((r) => ({
      task: this.task(r),
      instance: this.instance({ ...r, id: r.instance_id, status: r.instance_status, created_at: r.instance_created_at }),
    }));
  }

  async addHistory(trx: Q, instanceId: string, type: HistoryType, at: string,
    extra: Partial<Omit<HistoryEvent, 'at' | 'type'>> = {}): Promise<void> {
    await trx('process_history').insert({
      instance_id: instanceId, at, type, node_id: extra.nodeId ?? null, task_id: extra.taskId ?? null,
      account_id: extra.accountId ?? null, outcome: extra.outcome ?? null, comment: extra.comment ?? null,
    });
  }

  async history(instanceId: string): Promise<HistoryEvent[]> {
    const rows: Raw[] = await this.db.knex('process_history').where('instance_id', instanceId).orderBy('seq');
    return rows.map((r) => ({ at: String(r.at), type: r.type as HistoryType, nodeId: str(r.node_id), taskId: str(r.task_id),
      accountId: str(r.account_id), outcome: str(r.outcome), comment: str(r.comment) }));
  }
}
