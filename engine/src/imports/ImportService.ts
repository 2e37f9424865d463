import fs from 'node:fs/promises';
import type { AccessPolicy, Actor } from '../access/index.js';
import type { Clock } from '../clock/index.js';
import type { Database } from '../db/index.js';
import type { DefinitionRegistry, EntityVersion } from '../definitions/index.js';
import { NotFoundError, ValidationError } from '../errors/index.js';
import { countDataRows, guardXlsx, importLayout, TemplateMismatchError, UnsafeFileError, writeExport, writeTemplate, type ImportLayout } from '../excel/index.js';
import { toJobView, type JobRunner, type JobView } from '../jobs/index.js';
import type { RecordService } from '../records/index.js';
import { ExportPrivacy, exportRow, listedRecords } from './exportRows.js';
import { refEntitiesOf, refOptionsFor, type ImportParams } from './ImportJobHandler.js';
import { loadLookups } from './lookups.js';

export interface ImportServiceDeps {
  db: Database;
  registry: DefinitionRegistry;
  access: AccessPolicy;
  runner: JobRunner;
  records: RecordService;
  clock: Clock;
}

/** Up to this many data rows an import answers when done (200); more run as a background job (202). */
export const SYNC_ROW_LIMIT = 100;

/** A workbook to send: its file name and how to write it. */
export interface WorkbookDownload { filename: string; write(out: NodeJS.WritableStream): Promise<void> }

/** Templates and the start of imports: the job itself is `ImportJobHandler`. */
export class ImportService {
  constructor(private readonly deps: ImportServiceDeps) {}

  /** The entity and its column layout, for an actor allowed `action` on it; 404 for an entity that is not importable. */
  layoutFor(actor: Actor, entityKey: string, action: 'import' | 'export'): { entity: EntityVersion; layout: ImportLayout } {
    const entity = this.deps.registry.entity(entityKey);
    const layout = entity && importLayout(entity, this.deps.registry);
    if (!entity || !layout) throw new NotFoundError('该功能不支持导入导出。');
    this.deps.access.require(actor, entityKey, action);
    return { entity, layout };
  }

  async orgName(actor: Actor): Promise<string> {
    const org = await this.deps.db.reader('orgs').where({ id: actor.orgId }).first() as { name: string } | undefined;
    return org?.name ?? '';
  }

  /** The template of an entity with the institution's own dropdowns (departments, its name). */
  async template(actor: Actor, entityKey: string): Promise<WorkbookDownload> {
    const { entity, layout } = this.layoutFor(actor, entityKey, 'import');
    const institutionName = await this.orgName(actor);
    const lookups = await loadLookups(this.deps.db, entity, actor.orgId, institutionName, refEntitiesOf(layout, this.deps.registry));
    return { filename: `${layout.title}导入模板.xlsx`,
      write: (out) => writeTemplate(out, layout, { refOptions: refOptionsFor(layout, lookups), institutionName }) };
  }

  /** The list the user sees (same search and filters) as a workbook with the template's columns. */
  async export(actor: Actor, entityKey: string, query: Record<string, string | string[] | undefined>): Promise<WorkbookDownload> {
    const { entity, layout } = this.layoutFor(actor, entityKey, 'export');
    const institutionName = await this.orgName(actor);
    const lookups = await loadLookups(this.deps.db, entity, actor.orgId, institutionName, refEntitiesOf(layout, this.deps.registry));
    const owner = entity.definition.content.import?.owner;
    const { records, db, clock } = this.deps;
    const privacy = new ExportPrivacy(this.deps.access, actor, entity);
    async function* rows() {
      for await (const record of listedRecords(records, actor, entityKey, query)) yield exportRow(layout, owner, record, lookups, privacy);
      await privacy.audit(db, clock);
    }
    // The first page is read now, so a bad filter is a 400 before the download starts.
    await records.list(actor, entityKey, { ...query, page: '1', pageSize: '1' });
    return { filename: `${layout.title}.xlsx`, write: (out) => writeExport(out, layout, rows(), { refOptions: refOptionsFor(layout, lookups) }) };
  }

  /**
   * Starts an import of an uploaded file (already on disk, which the job owns from here). A file
   * that is unsafe or not this entity's template is refused before anything is queued. Up to
   * SYNC_ROW_LIMIT rows the job runs in this request.
   */
  async start(actor: Actor, entityKey: string, file: string, overwrite: boolean): Promise<{ job: JobView; finished: boolean }> {
    try {
      const { layout } = this.layoutFor(actor, entityKey, 'import');
      await guardXlsx(file);
      const small = await countDataRows(file, layout, { upTo: SYNC_ROW_LIMIT, guarded: true }) <= SYNC_ROW_LIMIT;
      const params: ImportParams = { file, overwrite, entity: entityKey };
      const input = { kind: 'import', entity: entityKey, orgId: actor.orgId, accountId: actor.accountId,
        params: params as unknown as Record<string, unknown>, total: 0 };
      const row = small ? await this.deps.runner.runNow(input) : await this.deps.runner.enqueue(input);
      return { job: toJobView(row, this.deps.clock.now()), finished: small };
    } catch (error) {
      await fs.rm(file, { force: true });
      if (error instanceof TemplateMismatchError) throw new ValidationError([{ code: 'TEMPLATE_MISMATCH', path: '/file', message: error.message }]);
      if (error instanceof UnsafeFileError) throw new ValidationError([{ code: 'UNSAFE_FILE', path: '/file', message: error.message }]);
      throw error;
    }
  }
}
