import type { Actor } from '../access/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { Database } from '../db/index.js';
import type { FieldCipher } from '../privacy/index.js';
import type { DefinitionRegistry, EntityVersion } from '../definitions/index.js';
import { ConflictError, RecordLockedError } from '../errors/index.js';
import { newId } from '../ids/index.js';
import type { RecordRow } from '../records/index.js';
import { historyPeople, type WorkflowService } from '../workflow/index.js';
import { readTerms } from './application.js';
import { findTransferable, readIdentity } from './identity.js';
import { parseTransferQuery, type TransferSide } from './listQuery.js';
import { requireTransferRead } from './permissions.js';
import { transferTable, type Transfer, type TransferTable } from './TransferRepository.js';
import { canSee, transferNotFound, viewsOf, visibleOr404, type TransferDetail, type TransferView } from './views.js';

export interface TransferServiceDeps {
  db: Database;
  registry: DefinitionRegistry;
  workflow: WorkflowService;
  clock: Clock;
  cipher: FieldCipher;
}

/** What the receiving institution learns of the person it named exactly: who they are and where they are registered. */
export interface TransferCandidate {
  name: string;
  documentType: string;
  idNumber: string;
  orgId: string;
  orgName: string;
}

const PERSON = 'person';
const PROCESS = 'personTransfer';
const pendingExists = () => new ConflictError([{ code: 'TRANSFER_PENDING',
  message: '该人员已有一份尚未结束的调动申请，请等待其审核结束后再申请。' }]);
const notPending = () => new ConflictError([{ code: 'TRANSFER_ENDED', message: '该调入申请已结束，不能再撤回或修改。请刷新后查看。' }]);

/**
 * Personnel transfers: the receiving institution applies for a person of another one
 * (调入申请); the releasing institution's main account reviews it in the `personTransfer` process;
 * approval moves the person with their records (actions.ts). Both sides and the bureaus above
 * them see the transfer; anyone else gets 404.
 */
export class TransferService {
  private readonly transfers: TransferTable;

  constructor(private readonly deps: TransferServiceDeps) {
    this.transfers = transferTable(deps.cipher);
  }

  /** The person named exactly by name and ID document in another institution, and that institution. */
  async lookup(actor: Actor, input: unknown): Promise<TransferCandidate> {
    const person = this.person();
    const found = await findTransferable(this.deps.db.knex, this.deps.db, person, readIdentity(person, input), actor.orgId);
    return this.candidate(found);
  }

  async create(actor: Actor, input: unknown): Promise<TransferDetail> {
    const { db } = this.deps;
    const person = this.person();
    const identity = readIdentity(person, input);
    const terms = await readTerms(db.knex, input, actor.orgId);
    const found = await findTransferable(db.knex, db, person, identity, actor.orgId);
    await this.settle((await this.transfers.pendingOfPerson(db.knex, found.id)) ?? null);
    const lock = await db.knex('record_locks').where('record_id', found.id).first('code', 'message');
    if (lock) throw new RecordLockedError([{ code: String(lock.code), message: `该人员的信息已被锁定，暂不能申请调入：${String(lock.message)}` }]);
    const now = isoNow(this.deps.clock);
    const transfer: Transfer = { id: newId(), personId: found.id, personName: identity.name, documentType: identity.documentType,
      idNumber: identity.idNumber, fromOrgId: found.orgId,
      toOrgId: actor.orgId, ...terms, status: 'pending', message: null, outcome: null, instanceId: null, requestedBy: actor.accountId,
      createdAt: now, updatedAt: now, decidedAt: null };
    try {
      await this.transfers.insert(db.knex, transfer);
    } catch (error) {
      throw db.dialect.isUniqueViolation(error) ? pendingExists() : error;
    }
    try {
      const instance = await this.deps.workflow.start(actor, PROCESS, { businessKey: transfer.id,
        data: { releasingOrgId: found.orgId, receivingOrgId: actor.orgId, personName: identity.name } });
      await this.transfers.setInstance(db.knex, transfer.id, instance.id);
    } catch (error) {
      await this.transfers.remove(db.knex, transfer.id);
      throw error;
    }
    return this.get(actor, transfer.id);
  }

  /** 人员调入 (`in`) or 人员调出 (`out`) of the reader's institution (a bureau: of the institutions below it), newest first. */
  async list(actor: Actor, side: TransferSide, raw: Record<string, string | string[] | undefined>): Promise<{ items: TransferView[]; total: number }> {
    requireTransferRead(actor, side);
    const query = parseTransferQuery(actor, side, raw);
    const page = await this.transfers.list(this.deps.db.knex, query);
    const settled = await Promise.all(page.items.map((t) => this.settle(t)));
    return { items: await viewsOf(this.deps.db, actor, settled), total: page.total };
  }

  async get(actor: Actor, id: string): Promise<TransferDetail> {
    const { db, workflow } = this.deps;
    requireTransferRead(actor, 'any');
    const transfer = await this.settle(await visibleOr404(db.knex, actor, await this.transfers.byId(db.knex, id)));
    const [view] = await viewsOf(db, actor, [transfer]);
    const history = [];
    for (const t of await this.transfers.ofPerson(db.knex, transfer.personId)) {
      if (t.id !== transfer.id && t.status === 'approved' && await canSee(db.knex, actor, t)) history.push(t);
    }
    const events = await workflow.repository.history(transfer.instanceId!);
    return { ...view!, events, people: await historyPeople(db.knex, events), personHistory: await viewsOf(db, actor, history),
      reviseTaskId: view!.stage === 'revise' && view!.mine ? await this.reviseTask(transfer) : null };
  }

  /** After a send-back: the applicant's new department and reason, back to the releasing institution for review. */
  async resubmit(actor: Actor, id: string, input: unknown): Promise<TransferDetail> {
    const transfer = await this.mine(actor, id);
    const taskId = await this.reviseTask(transfer);
    if (!taskId) throw new ConflictError([{ code: 'NOT_SENT_BACK', message: '该调入申请没有被退回，无需修改；请等待调出单位审核。' }]);
    const terms = await readTerms(this.deps.db.knex, input, transfer.toOrgId);
    await this.deps.workflow.complete(actor, taskId, { outcome: 'resubmit', data: terms });
    return this.get(actor, id);
  }

  /** The applicant withdraws: before anyone acted (the process is withdrawn), or after a send-back (through the revision task). */
  async withdraw(actor: Actor, id: string): Promise<TransferDetail> {
    const transfer = await this.mine(actor, id);
    const taskId = await this.reviseTask(transfer);
    if (taskId) await this.deps.workflow.complete(actor, taskId, { outcome: 'withdraw' });
    else await this.deps.workflow.withdraw(actor, transfer.instanceId!);
    return this.get(actor, id);
  }

  /** A pending transfer the actor applied for; another reader's is 404, an ended one 409. */
  private async mine(actor: Actor, id: string): Promise<Transfer> {
    const transfer = await this.settle(await visibleOr404(this.deps.db.knex, actor, await this.transfers.byId(this.deps.db.knex, id)));
    if (transfer.requestedBy !== actor.accountId) throw transferNotFound();
    if (transfer.status !== 'pending') throw notPending();
    return transfer;
  }

  private async reviseTask(transfer: Transfer): Promise<string | null> {
    const task = await this.deps.db.knex('user_tasks').where({ instance_id: transfer.instanceId, status: 'open', assignee_role: 'initiator' }).first('id');
    return task ? String(task.id) : null;
  }

  /** A pending transfer whose process the applicant withdrew (WorkflowService.withdraw) ends as `withdrawn`. */
  private async settle<T extends Transfer | null>(transfer: T): Promise<T> {
    if (!transfer || transfer.status !== 'pending' || !transfer.instanceId) return transfer;
    const instance = await this.deps.workflow.repository.getInstance(transfer.instanceId);
    if (instance?.status !== 'withdrawn') return transfer;
    const at = instance.endedAt ?? isoNow(this.deps.clock);
    await this.transfers.decide(this.deps.db.knex, transfer.id, 'withdrawn', at);
    return (await this.transfers.byId(this.deps.db.knex, transfer.id)) as T;
  }

  private async candidate(found: RecordRow): Promise<TransferCandidate> {
    const org = await this.deps.db.knex('orgs').where('id', found.orgId).first('name');
    return { name: String(found.data.name), documentType: String(found.data.documentType), idNumber: String(found.data.idNumber),
      orgId: found.orgId, orgName: String(org?.name ?? '') };
  }

  private person(): EntityVersion {
    const entity = this.deps.registry.entity(PERSON);
    if (!entity) throw new Error(`Entity ${PERSON} is not defined`);
    return entity;
  }
}
