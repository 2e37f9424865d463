import type { Knex } from 'knex';
import type { AccessPolicy, Actor } from '../access/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { Database } from '../db/index.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import { ConflictError, NotFoundError } from '../errors/index.js';
import { newId } from '../ids/index.js';
import type { RecordRow } from '../records/index.js';
import type { WorkflowService } from '../workflow/index.js';
import { changeRequests, type ChangeRequest } from './ChangeRequestRepository.js';
import { readProposal } from './proposal.js';

export interface ChangeRequestServiceDeps {
  db: Database;
  registry: DefinitionRegistry;
  access: AccessPolicy;
  workflow: WorkflowService;
  clock: Clock;
}

/** A request as the API shows it: the diff with each field's title, before (`from`) and after (`to`). */
export interface ChangeRequestView extends ChangeRequest {
  fields: Array<{ field: string; title: string; from: unknown; to: unknown }>;
}

const ENTITY = 'institution';
const PROCESS = 'institutionChange';
const notFound = () => new NotFoundError('该机构信息修改申请不存在，或您无权查看。');
const pendingExists = () => new ConflictError([{ code: 'CHANGE_REQUEST_PENDING',
  message: '本机构已有一份正在审核的机构信息修改申请，请等待上级审核完成后再提交新的申请。' }]);

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
  constructor(private readonly deps: ChangeRequestServiceDeps) {}

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
      await changeRequests.insert(db.knex, request);
    } catch (error) {
      throw db.dialect.isUniqueViolation(error) ? pendingExists() : error;
    }
    try {
      const instance = await this.deps.workflow.start(actor, PROCESS, { businessKey: request.id, data: { diff, reason } });
      await changeRequests.setInstance(db.knex, request.id, instance.id);
    } catch (error) {
      await changeRequests.remove(db.knex, request.id);
      throw error;
    }
    return this.view((await changeRequests.byId(db.knex, request.id))!);
  }

  /** The actor's institution's requests, newest first. */
  async mine(actor: Actor): Promise<{ items: ChangeRequestView[]; total: number }> {
    this.deps.access.requireRead(actor, ENTITY);
    await this.settleWithdrawn(actor.orgId);
    const items = (await changeRequests.ofOrg(this.deps.db.knex, actor.orgId, ENTITY)).map((r) => this.view(r));
    return { items, total: items.length };
  }

  /** One request, for its institution and for those who hold (or held) a task of its review; else 404. */
  async get(actor: Actor, id: string): Promise<ChangeRequestView> {
    const request = await changeRequests.byId(this.deps.db.knex, id);
    if (!request?.instanceId) throw notFound();
    if (request.orgId !== actor.orgId) {
      // WorkflowService.history answers only the initiator and the assignees of the instance's tasks.
      await this.deps.workflow.history(actor, request.instanceId).catch(() => { throw notFound(); });
    } else {
      this.deps.access.requireRead(actor, ENTITY);
    }
    if (request.status !== 'pending') return this.view(request);
    await this.settleWithdrawn(request.orgId);
    return this.view((await changeRequests.byId(this.deps.db.knex, id))!);
  }

  /** A pending request whose review the institution withdrew (WorkflowService.withdraw) ends as `withdrawn`. */
  private async settleWithdrawn(orgId: string): Promise<void> {
    const pending = await changeRequests.pendingOf(this.deps.db.knex, orgId, ENTITY);
    const instance = pending?.instanceId ? await this.deps.workflow.repository.getInstance(pending.instanceId) : undefined;
    if (pending && instance?.status === 'withdrawn') {
      await changeRequests.decide(this.deps.db.knex, pending.id, 'withdrawn', instance.endedAt ?? isoNow(this.deps.clock));
    }
  }

  private schema() {
    const entity = this.deps.registry.entity(ENTITY);
    if (!entity) throw new Error(`Entity ${ENTITY} is not defined`);
    return entity.schema;
  }

  private view(request: ChangeRequest): ChangeRequestView {
    const schema = this.schema();
    const fields = Object.entries(request.diff).map(([field, { from, to }]) => ({ field, title: schema.field(field)?.title ?? field, from, to }));
    return { ...request, fields };
  }
}
