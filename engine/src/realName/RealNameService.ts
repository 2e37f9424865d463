import type { Actor } from '../access/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { Database } from '../db/index.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import { renderPdf, type DocumentDefinition } from '../documents/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors/index.js';
import { attachFile, type FileService, type OpenedFile } from '../files/index.js';
import { newId } from '../ids/index.js';
import type { FieldCipher } from '../privacy/index.js';
import type { WorkflowService } from '../workflow/index.js';
import { applicationTable, type Application, type ApplicationTable } from './ApplicationRepository.js';
import { formFields, readForm } from './form.js';

export interface RealNameServiceDeps {
  db: Database;
  registry: DefinitionRegistry;
  files: FileService;
  workflow: WorkflowService;
  clock: Clock;
  cipher: FieldCipher;
}

const PROCESS = 'realNameReview';
const notFound = () => new NotFoundError('该实名认证申请不存在，或您无权查看。');
const conflict = (code: string, message: string) => new ConflictError([{ code, message }]);
const locked = () => conflict('REAL_NAME_LOCKED', '实名认证已提交审核或已通过，当前不能修改；如被退回或不通过，可修改后重新提交。');

/**
 * Real-name verification: the applicant's form, its PDF, the stamped scan and the
 * submission into the `realNameReview` process; the decision is the process's service actions
 * (actions.ts). Reviewers read an application only while they hold a task of its instance.
 */
export class RealNameService {
  private readonly applications: ApplicationTable;

  constructor(private readonly deps: RealNameServiceDeps) {
    this.applications = applicationTable(deps.cipher);
  }

  /** The actor's own application, and whether it was sent back for changes (an open task of theirs). */
  async mine(actor: Actor): Promise<{ application: Application | null; sentBack: boolean }> {
    const application = await this.applications.byAccount(this.deps.db.knex, actor.accountId) ?? null;
    return { application, sentBack: Boolean(application && await this.resubmitTask(actor, application)) };
  }

  async save(actor: Actor, input: unknown): Promise<Application> {
    const data = await readForm(this.deps.registry, this.deps.db.knex, actor.orgId, input);
    const now = isoNow(this.deps.clock);
    const existing = await this.applications.byAccount(this.deps.db.knex, actor.accountId);
    if (!existing) {
      const app: Application = { id: newId(), accountId: actor.accountId, orgId: actor.orgId, status: 'draft', data, scanFileId: null,
        instanceId: null, createdAt: now, updatedAt: now, submittedAt: null, decidedAt: null, version: 1 };
      await this.applications.insert(this.deps.db.knex, app);
      return app;
    }
    const editable = existing.status === 'draft' || existing.status === 'rejected' || Boolean(await this.resubmitTask(actor, existing));
    if (!editable || !await this.applications.update(this.deps.db.knex, existing, ['draft', 'rejected', 'submitted'], { data, updatedAt: now })) {
      throw locked();
    }
    return (await this.applications.byAccount(this.deps.db.knex, actor.accountId))!;
  }

  /** The filled 实名认证申请表 (document definition `realNameApplication`). */
  async pdf(actor: Actor, orgName: string): Promise<{ bytes: Buffer; filename: string }> {
    const app = await this.applications.byAccount(this.deps.db.knex, actor.accountId);
    if (!app) throw new NotFoundError('请先填写并保存实名认证信息，再下载申请表。');
    const definition = this.deps.registry.get('document', 'realNameApplication')?.content as unknown as DocumentDefinition;
    const type = this.deps.registry.dictionary('documentType')?.byCode.get(app.data.documentType)?.label ?? app.data.documentType;
    const now = this.deps.clock.now();
    const bytes = await renderPdf(definition, { ...app.data, documentTypeLabel: type, username: actor.username, orgName,
      date: isoNow(this.deps.clock).slice(0, 10) }, { now });
    return { bytes, filename: `实名认证申请表-${app.data.name}.pdf` };
  }

  /** Uploads a photo or scan for the application (the general upload route needs real-name approval). */
  upload(actor: Actor, file: { filename: string; bytes: Buffer }) {
    return this.deps.files.upload(actor, file);
  }

  /** Submits with the uploaded scan: starts the review (or resubmits a sent-back one). 409 while under review. */
  async submit(actor: Actor, input: unknown): Promise<Application> {
    const app = await this.applications.byAccount(this.deps.db.knex, actor.accountId);
    if (!app) throw new ValidationError([{ code: 'required', path: '/data', message: '请先填写并保存实名认证信息。' }]);
    const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    await this.assertScan(actor, body.scanFileId);
    const scanFileId = body.scanFileId as string;
    const now = isoNow(this.deps.clock);
    const task = await this.resubmitTask(actor, app);
    if (task) {
      if (!await this.applications.update(this.deps.db.knex, app, ['submitted'], { scanFileId, updatedAt: now, submittedAt: now })) throw locked();
      await this.deps.workflow.complete(actor, task, { outcome: 'resubmit', data: this.processData(app) });
      return (await this.applications.byId(this.deps.db.knex, app.id))!;
    }
    if (app.status !== 'draft' && app.status !== 'rejected') {
      throw conflict('ALREADY_SUBMITTED', app.status === 'approved' ? '实名认证已通过，无需再次提交。' : '实名认证已提交，正在审核中，请勿重复提交。');
    }
    // Claim the application first: of two concurrent submits one wins, the other is 409.
    if (!await this.applications.update(this.deps.db.knex, app, [app.status], { status: 'submitted', scanFileId, updatedAt: now, submittedAt: now })) {
      throw conflict('ALREADY_SUBMITTED', '实名认证已提交，正在审核中，请勿重复提交。');
    }
    const claimed = (await this.applications.byId(this.deps.db.knex, app.id))!;
    try {
      const instance = await this.deps.workflow.start(actor, PROCESS, { businessKey: app.id, data: this.processData(app) });
      await this.applications.update(this.deps.db.knex, claimed, ['submitted'], { instanceId: instance.id });
    } catch (error) {
      await this.applications.update(this.deps.db.knex, claimed, ['submitted'], { status: app.status });
      throw error;
    }
    await this.deps.db.knex('accounts').where('id', actor.accountId).update({ real_name_status: 'submitted' });
    return (await this.applications.byId(this.deps.db.knex, app.id))!;
  }

  /** An application for its applicant or an account that holds (or held) a task of its review; else 404. */
  async forReviewer(actor: Actor, id: string): Promise<Application> {
    const app = await this.applications.byId(this.deps.db.knex, id);
    if (!app?.instanceId) throw notFound();
    // WorkflowService.history answers only the initiator and the assignees of the instance's tasks.
    await this.deps.workflow.history(actor, app.instanceId).catch(() => { throw notFound(); });
    return app;
  }

  /** A file of the application (photos, scan), for those who may read the application. */
  async file(actor: Actor, id: string, fileId: string): Promise<OpenedFile> {
    const app = await this.forReviewer(actor, id);
    if (![app.data.frontImageId, app.data.backImageId, app.scanFileId].includes(fileId)) throw notFound();
    return this.deps.files.open(actor, fileId);
  }

  private processData(app: Application): Record<string, unknown> {
    return { applicationId: app.id, ...Object.fromEntries(formFields.map((f) => [f, app.data[f]])) };
  }

  private async assertScan(actor: Actor, id: unknown): Promise<void> {
    // Marked before the application points at it: the orphan sweep keeps it from now on (files/attach.ts).
    const row = typeof id === 'string' && id.length <= 36 ? await attachFile(this.deps.db.knex, id, actor.orgId) : undefined;
    if (!row) throw new ValidationError([{ code: 'file', path: '/scanFileId', message: '请上传盖章后的申请表扫描件（JPG、PNG 或 PDF）后再提交。' }]);
  }

  /** The open "修改后重新提交" task of the applicant's running review, when it was sent back. */
  private async resubmitTask(actor: Actor, app: Application): Promise<string | undefined> {
    if (app.status !== 'submitted' || !app.instanceId) return undefined;
    const { items } = await this.deps.workflow.tasks(actor, 'open');
    return items.find((t) => t.instanceId === app.instanceId)?.id;
  }
}
