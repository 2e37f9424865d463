import type { Knex } from 'knex';
import type { AccessPolicy, Actor } from '../access/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { Database } from '../db/index.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/index.js';
import { newId } from '../ids/index.js';
import type { FieldCipher } from '../privacy/index.js';
import type { RecordRow } from '../records/index.js';
import type { WorkflowService } from '../workflow/index.js';
import { changeRequestTable, type ChangeRequest, type ChangeRequestTable } from './ChangeRequestRepository.js';
import { proposedValues, readProposal } from './proposal.js';
import { reviewState, type ReviewState } from './reviewState.js';

export interface ChangeRequestServiceDeps {
  db: Database;
  registry: DefinitionRegistry;
  access: AccessPolicy;
  workflow: WorkflowService;
  clock: Clock;
  cipher: FieldCipher;
}

/**
 * A request as the API shows it: the diff with each field's title, before (`from`) and after (`to`)
 * as stored and as text to show (a dictionary code as its label), and where its review stands.
 */
export interface ChangeRequestView extends ChangeRequest, ReviewState {
  fields: Array<{ field: string; title: string; from: unknown; to: unknown; fromText: string; toText: string }>;
}

const ENTITY = 'institution';
const PROCESS = 'institutionChange';
const notFound = () => new NotFoundError('该机构信息修改申请不存在，或您无权查看。');
const pendingExists = () => new ConflictError([{ code: 'CHANGE_REQUEST_PENDING',
  message: '本机构已有一份正在审核的机构信息修改申请，请等待上级审核完成后再提交新的申请。' }]);
const notSentBack = () => new ConflictError([{ code: 'CHANGE_REQUEST_NOT_SENT_BACK',
  message: '该申请没有被退回修改（可能正在审核或已经结束），不能修改。请刷新页面查看申请状态。' }]);
const ended = () => new ConflictError([{ code: 'CHANGE_REQUEST_ENDED', message: '该申请已经审核结束或已撤回，不能再撤回。请刷新页面查看申请状态。' }]);
const notInitiator = () => new ForbiddenError('该申请由本机构的其他账号提交，只有提交申请的账号可以修改或撤回。', 'NOT_INITIATOR');

/** The organisation's own record of a singleton entity (the institution's information). */
async function singletonRecord(q: Knex | Knex.Transaction, db: Database, entity: string, orgId: string): Promise<RecordRow | undefined> {
  const raw = await q('records').where({ entity, org_id: orgId }).first();
  return raw ? { id: raw.id, entity: raw.entity, orgId: raw.org_id, defVersion: raw.def_version, version: Number(raw.version),
    data: db.dialect.parseJson(raw.data) as Record<string, unknown> } : undefined;
}

/**
 * Institution change requests: the institution proposes new values of its read-only
 * (主体信息) fields; the diff against the current record version is staged and reviewed by the
 * superior bureau in the `institutionChange` process; the record stays unchanged until then
 * (actions.ts applies or rejects it).
 */
export class ChangeRequestService {
  private readonly changeRequests: ChangeRequestTable;

  constructor(private readonly deps: ChangeRequestServiceDeps) {
    this.changeRequests = changeRequestTable(deps.cipher);
  }

  async create(actor: Actor, input: unknown): Promise<ChangeRequestView> {
    this.deps.access.require(actor, ENTITY, 'update');
    const { db } = this.deps;
    const record = await singletonRecord(db.knex, db, ENTITY, actor.orgId);
    if (!record) throw new NotFoundError('本机构还没有填写机构信息，请先填写并保存机构信息。');
    const { diff, reason } = readProposal(this.schema(), record.data, input);
    await this.settleWithdrawn(actor.orgId);
    const request: ChangeRequest = { id: newId(), orgId: actor.orgId, entity: ENTITY, recordId: record.id, baseVersion: record.version,
      diff, reason, status: 'pending', message: null, instanceId: null, requestedBy: actor.accountId,
      createdAt: isoNow(this.deps.clock), decidedAt: null };
    try {
      await this.changeRequests.insert(db.knex, request);
    } catch (error) {
      throw db.dialect.isUniqueViolation(error) ? pendingExists() : error;
    }
    try {
      const instance = await this.deps.workflow.start(actor, PROCESS, { businessKey: request.id, data: { diff, reason } });
      await this.changeRequests.setInstance(db.knex, request.id, instance.id);
    } catch (error) {
      await this.changeRequests.remove(db.knex, request.id);
      throw error;
    }
    return this.view((await this.changeRequests.byId(db.knex, request.id))!);
  }

  /**
   * Revises a sent-back request: the proposal is read against the current record (400/422 and
   * nothing changes when it is bad) and the revise task completed with it; the process's
   * `institutionChange.revise` step stages it rebased on the record's current version, and the
   * request goes back to the bureau. 409 when it is not sent back.
   */
  async revise(actor: Actor, id: string, input: unknown): Promise<ChangeRequestView> {
    const request = await this.own(actor, id);
    const task = await this.reviseTask(request);
    if (!task) throw notSentBack();
    const record = await singletonRecord(this.deps.db.knex, this.deps.db, ENTITY, actor.orgId);
    if (!record) throw notFound();
    const { diff, reason } = readProposal(this.schema(), record.data, input);
    await this.deps.workflow.complete(actor, task.id, { outcome: 'resubmit', comment: reason,
      data: { revision: { data: proposedValues(diff), reason } } });
    return this.get(actor, id);
  }

  /** Withdraws a pending request: before anyone reviewed it, or when it waits for the institution's revision. */
  async withdraw(actor: Actor, id: string): Promise<ChangeRequestView> {
    const request = await this.own(actor, id);
    if (request.status !== 'pending') throw ended();
    const task = await this.reviseTask(request);
    if (task) await this.deps.workflow.complete(actor, task.id, { outcome: 'withdraw' });
    else await this.deps.workflow.withdraw(actor, request.instanceId!);
    return this.get(actor, id);
  }

  /** The actor's institution's requests, newest first. */
  async mine(actor: Actor): Promise<{ items: ChangeRequestView[]; total: number }> {
    this.deps.access.requireRead(actor, ENTITY);
    await this.settleWithdrawn(actor.orgId);
    const items = await Promise.all((await this.changeRequests.ofOrg(this.deps.db.knex, actor.orgId, ENTITY)).map((r) => this.view(r)));
    return { items, total: items.length };
  }

  /** One request, for its institution and for those who hold (or held) a task of its review; else 404. */
  async get(actor: Actor, id: string): Promise<ChangeRequestView> {
    const request = await this.changeRequests.byId(this.deps.db.knex, id);
    if (!request?.instanceId) throw notFound();
    if (request.orgId !== actor.orgId) {
      // WorkflowService.history answers only the initiator and the assignees of the instance's tasks.
      await this.deps.workflow.history(actor, request.instanceId).catch(() => { throw notFound(); });
    } else {
      this.deps.access.requireRead(actor, ENTITY);
    }
    if (request.status !== 'pending') return this.view(request);
    await this.settleWithdrawn(request.orgId);
    return this.view((await this.changeRequests.byId(this.deps.db.knex, id))!);
  }

  /** A pending request whose review the institution withdrew (WorkflowService.withdraw) ends as `withdrawn`. */
  private async settleWithdrawn(orgId: string): Promise<void> {
    const pending = await this.changeRequests.pendingOf(this.deps.db.knex, orgId, ENTITY);
    const instance = pending?.instanceId ? await this.deps.workflow.repository.getInstance(pending.instanceId) : undefined;
    if (pending && instance?.status === 'withdrawn') {
      await this.changeRequests.decide(this.deps.db.knex, pending.id, 'withdrawn', instance.endedAt ?? isoNow(this.deps.clock));
    }
  }

  /**
   * A request of the actor's own institution (else 404) that the actor submitted (else 403: only
   * the submitter revises or withdraws it, as the process assigns the revision to the initiator).
   */
  private async own(actor: Actor, id: string): Promise<ChangeRequest> {
    const request = await this.changeRequests.byId(this.deps.db.knex, id);
    if (!request?.instanceId || request.orgId !== actor.orgId) throw notFound();
    this.deps.access.require(actor, ENTITY, 'update');
    if (request.requestedBy !== actor.accountId) throw notInitiator();
    return request;
  }

  /** The open revise task of a sent-back request. */
  private async reviseTask(request: ChangeRequest) {
    const tasks = await this.deps.workflow.repository.tasksOf(request.instanceId!);
    return tasks.find((t) => t.assigneeRole === 'initiator' && t.status === 'open');
  }

  /** How a value reads: a dictionary code as its label, anything else as written. */
  private textOf(dictionary: unknown): (value: unknown) => string {
    const labels = typeof dictionary === 'string' ? this.deps.registry.dictionary(dictionary)?.byCode : undefined;
    return (value) => (value === null || value === undefined ? '' : labels?.get(String(value))?.label ?? String(value));
  }

  private schema() {
    const entity = this.deps.registry.entity(ENTITY);
    if (!entity) throw new Error(`Entity ${ENTITY} is not defined`);
    return entity.schema;
  }

  private async view(request: ChangeRequest): Promise<ChangeRequestView> {
    const schema = this.schema();
    const fields = Object.entries(request.diff).map(([field, { from, to }]) => {
      const info = schema.field(field);
      const text = this.textOf(info?.schema['x-dictionary']);
      return { field, title: info?.title ?? field, from, to, fromText: text(from), toText: text(to) };
    });
    const tasks = request.instanceId ? await this.deps.workflow.repository.tasksOf(request.instanceId) : [];
    return { ...request, ...reviewState(request, tasks), fields };
  }
}
