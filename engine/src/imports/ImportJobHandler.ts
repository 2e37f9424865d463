import fs from 'node:fs/promises';
import path from 'node:path';
import type { AccessPolicy } from '../access/index.js';
import type { AuthService } from '../auth/index.js';
import { isoNow, type Clock } from '../clock/index.js';
import type { Database } from '../db/index.js';
import type { DefinitionRegistry } from '../definitions/index.js';
import { createReportWriter, importLayout, readImportRows, TemplateMismatchError, UnsafeFileError, type ImportLayout } from '../excel/index.js';
import type { JobContext, JobHandler, JobOutcome } from '../jobs/index.js';
import { recordStoreFor, writeImportChunk, type ImportUnitPlan } from '../records/index.js';
import { convertRow, type RowProblem } from './convert.js';
import { loadLookups, type ImportLookups } from './lookups.js';
import { ImportPlanner, type ImportUnit, type PreparedRow } from './plan.js';

export interface ImportJobDeps {
  db: Database;
  registry: DefinitionRegistry;
  access: AccessPolicy;
  auth: AuthService;
  clock: Clock;
  /** Where error reports are written. */
  reportDir: string;
  /** Units judged and written per transaction (default 200). */
  unitsPerChunk?: number;
}

/** What an import job is given when it is queued. */
export interface ImportParams { file: string; overwrite: boolean; entity: string }

/** Where a resumed job continues: units done, and the rows of those that failed (for the report). */
interface Checkpoint { units: number; failedRows: number[] }

/** Units judged and written per transaction: small enough to keep the event loop free (~20 ms). */
const UNITS_PER_CHUNK = 200;
/**
 * Rows read per chunk, and prepared in one turn of the event loop (~20 ms: requests get in between).
 * Small on purpose: a chunk's decoded rows are garbage once prepared, and 500-row chunks outlived
 * young-generation collections, were promoted and raised the import's peak RSS by ~80 MB.
 */
const ROWS_PER_CHUNK = 100;
const INTERRUPTED_ROW = '导入中断前本行未能导入，请改正后重新导入本行。';

const NOTHING: never[] = [];
/** Drops what a written row holds (100k rows of values add up while the rest are written). */
const release = (row: PreparedRow) => { row.raw = NOTHING; row.data = {}; row.previous = undefined; };

/** Column options for dropdowns in the error report (same as the template's). */
export function refOptionsFor(layout: ImportLayout, lookups: Pick<ImportLookups, 'orgName' | 'byTitle'>): Record<string, string[]> {
  return Object.fromEntries(layout.columns.flatMap((column) => {
    if (column.key === '@institution') return [[column.key, [lookups.orgName]]];
    const entity = column.refEntity;
    return entity ? [[column.key, [...(lookups.byTitle.get(entity)?.keys() ?? [])]]] : [];
  }));
}

/** Referenced entities a layout names records of, with the field that names them. */
export function refEntitiesOf(layout: ImportLayout, registry: DefinitionRegistry): Map<string, string> {
  const entities = new Map<string, string>();
  for (const column of layout.columns) {
    const entity = column.refEntity;
    const titleField = entity ? registry.entity(entity)?.definition.content.titleField : undefined;
    if (entity && titleField) entities.set(entity, titleField);
  }
  return entities;
}

/**
 * The `import` job: reads the uploaded sheet (off the main thread), turns rows into records,
 * judges them like single entry plus the import checks, writes each unit all or nothing with the
 * job's progress in the same transaction, and writes the error report of the failed rows.
 */
export class ImportJobHandler implements JobHandler {
  readonly kind = 'import';

  constructor(private readonly deps: ImportJobDeps) {}

  async run(ctx: JobContext): Promise<JobOutcome> {
    const params = ctx.job.params as unknown as ImportParams;
    let outcome: JobOutcome;
    try {
      outcome = await this.runImport(ctx, params);
    } catch (error) {
      if (!(error instanceof TemplateMismatchError || error instanceof UnsafeFileError)) throw error;
      outcome = { status: 'failed', counts: {}, message: error.message };
    }
    // Done with the upload (a stopped run keeps it for its resumption).
    await fs.rm(params.file, { force: true });
    return outcome;
  }

  private async runImport(ctx: JobContext, params: ImportParams): Promise<JobOutcome> {
    const { registry, db } = this.deps;
    const actor = await this.deps.auth.actorForAccount(ctx.job.accountId);
    this.deps.access.require(actor, params.entity, 'import');
    const entity = registry.entity(params.entity);
    const layout = entity && importLayout(entity, registry);
    if (!entity || !layout) return { status: 'failed', counts: {}, message: '该功能不支持导入。' };
    const org = await db.reader('orgs').where({ id: actor.orgId }).first() as { name: string };
    const lookups = await loadLookups(db, entity, actor.orgId, org.name, refEntitiesOf(layout, registry));
    const planner = new ImportPlanner({ entity, layout, lookups, registry, orgId: actor.orgId, overwrite: params.overwrite });
    const rows: PreparedRow[] = [];
    const collector = planner.collector();
    // Guarded when it was uploaded; the job reads its own stored copy.
    for await (const chunk of readImportRows(params.file, layout, { guarded: true, chunkSize: ROWS_PER_CHUNK })) {
      for (const row of chunk) {
        const prepared = planner.prepare(convertRow(entity, layout, row, lookups));
        rows.push(prepared);
        collector.add(prepared);
      }
      ctx.signal.throwIfAborted();
      // Let requests in between: the API stays responsive.
      await new Promise<void>((resolve) => { setImmediate(resolve); });
    }
    await ctx.progress({ total: rows.length });
    const units = collector.units();
    const failures = await this.writeUnits(ctx, planner, units, { actor, entity, total: rows.length });
    const imported = rows.length - failures.size;
    const reportFile = failures.size > 0 ? await this.writeReport(ctx.job.id, layout, lookups, rows, failures) : null;
    const counts = { total: rows.length, processed: rows.length, imported, failed: failures.size };
    if (rows.length === 0) return { status: 'failed', counts, message: '文件中没有数据行：请在模板的表头下方填写数据后再导入。' };
    const status = failures.size === 0 ? 'succeeded' : imported === 0 ? 'failed' : 'partial';
    return { status, counts, reportFile, message: failures.size === 0 ? `已导入 ${imported} 条。`
      : `共 ${rows.length} 条，成功 ${imported} 条，失败 ${failures.size} 条；请下载错误报告，改正后直接导入错误报告即可。` };
  }

  /** Judges and writes the units in chunks; returns every failed row's problems. */
  private async writeUnits(ctx: JobContext, planner: ImportPlanner, units: ImportUnit[],
    context: { actor: Awaited<ReturnType<AuthService['actorForAccount']>>; entity: NonNullable<ReturnType<DefinitionRegistry['entity']>>; total: number }) {
    const checkpoint = (ctx.job.checkpoint as Checkpoint | null) ?? { units: 0, failedRows: [] };
    const failures = new Map<number, RowProblem[]>();
    const failedBefore = new Set(checkpoint.failedRows);
    // Units written before a restart: only their failed rows are judged again, for the report.
    for (const unit of units.slice(0, checkpoint.units)) {
      if (!unit.rows.some((r) => failedBefore.has(r.rowNumber))) continue;
      const judged = planner.verdictOf(unit);
      for (const row of unit.rows) failures.set(row.rowNumber, judged.failures?.get(row.rowNumber) ?? [{ message: INTERRUPTED_ROW }]);
    }
    const markFailed = (plan: ImportUnitPlan, items: ReadonlyArray<{ message: string }>) => {
      for (const { rowNumber } of plan.records) failures.set(rowNumber, items.map((item) => ({ message: item.message })));
    };
    let processed = units.slice(0, checkpoint.units).reduce((n, u) => n + u.rows.length, 0);
    const deps = { store: recordStoreFor(this.deps.db), registry: this.deps.registry, codec: this.deps.db.recordData, now: () => isoNow(this.deps.clock),
      isUniqueViolation: (error: unknown) => this.deps.db.dialect.isUniqueViolation(error) };
    const size = this.deps.unitsPerChunk ?? UNITS_PER_CHUNK;
    for (let start = checkpoint.units; start < units.length; start += size) {
      ctx.signal.throwIfAborted();
      const chunk = units.slice(start, start + size);
      const plans: Array<{ index: number; plan: ImportUnitPlan }> = [];
      chunk.forEach((unit, offset) => {
        const judged = planner.verdictOf(unit);
        if (judged.plan) plans.push({ index: start + offset, plan: judged.plan });
        else for (const [rowNumber, problems] of judged.failures) failures.set(rowNumber, problems);
      });
      const progressAt = (unitIndex: number) => {
        const done = units.slice(start, unitIndex + 1).reduce((n, u) => n + u.rows.length, processed);
        const failed = failures.size;
        return { counts: { total: context.total, processed: done, failed, imported: done - failed },
          checkpoint: { units: unitIndex + 1, failedRows: [...failures.keys()] } };
      };
      const last = start + chunk.length - 1;
      const conflicts = await writeImportChunk(deps, context.actor, context.entity, plans.map((p) => p.plan), {
        jobId: ctx.job.id,
        // Through a plan's unit (or the whole chunk after its last plan): the failed units before it are in `failures`.
        after: (index, failed) => {
          for (const [i, items] of failed) markFailed(plans[i]!.plan, items);
          return progressAt(index < 0 || index === plans.length - 1 ? last : plans[index]!.index);
        },
      });
      for (const [i, items] of conflicts) markFailed(plans[i]!.plan, items);
      processed += chunk.reduce((n, u) => n + u.rows.length, 0);
      // Written rows are done with: only failed rows' values are needed (for the report).
      for (const unit of chunk) for (const row of unit.rows) if (!failures.has(row.rowNumber)) release(row);
    }
    return failures;
  }

  private async writeReport(jobId: string, layout: ImportLayout, lookups: ImportLookups, rows: PreparedRow[],
    failures: Map<number, RowProblem[]>): Promise<string> {
    await fs.mkdir(this.deps.reportDir, { recursive: true });
    const file = path.join(this.deps.reportDir, `${jobId}.xlsx`);
    const report = createReportWriter(file, layout, { refOptions: refOptionsFor(layout, lookups) });
    const title = (key: string | undefined) => layout.columns.find((c) => c.key === key)?.title;
    for (const row of rows) {
      const problems = failures.get(row.rowNumber);
      if (!problems) continue;
      const reasons = problems.map((p) => (title(p.column) ? `${title(p.column)}：${p.message}` : p.message));
      report.add(row.raw, [...new Set(reasons)], [...new Set(problems.flatMap((p) => (p.column ? [p.column] : [])))]);
    }
    await report.finish();
    return file;
  }
}
