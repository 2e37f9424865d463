import type { Knex } from 'knex';
import type { Database } from '../db/index.js';
import { newId } from '../ids/index.js';
import { jobDialects, type JobDialect } from './jobDialects.js';
import { jobProgressColumns, toJobRow } from './jobRows.js';
import { TooManyJobsError } from './messages.js';
import { ACTIVE_STATUSES, type JobCounts, type JobOutcome, type JobRow, type NewJob } from './types.js';

/** How a new job starts: queued for a worker, or already running in the request that made it. */
export type JobStart = { status: 'queued' } | { status: 'running'; worker: string; leaseUntil: string };

export interface JobFilter {
  kind?: string;
  /** Only the jobs this account started. */
  accountId?: string;
}

export interface JobPage { page: number; pageSize: number }

/** The final state a run writes. */
export interface JobEnd extends Omit<JobOutcome, 'status'> {
  status: JobOutcome['status'] | 'interrupted';
}

/** The `jobs` table. Claims and writes use the main pool; reads for the API the reader. */
export class JobRepository {
  private readonly dialect: JobDialect;

  constructor(private readonly db: Database) {
    this.dialect = jobDialects[db.dialect.name];
  }

  private row = (raw: Record<string, unknown>): JobRow => toJobRow(raw, this.db.dialect.parseJson);

  /** Inserts a job unless its account already has `maxActive` queued or running jobs (429). */
  async create(input: NewJob, start: JobStart, now: string, maxActive: number): Promise<JobRow> {
    return this.db.knex.transaction(async (trx) => {
      await this.dialect.lockAccount(trx, input.accountId);
      const [active] = await trx('jobs').where('account_id', input.accountId).whereIn('status', ACTIVE_STATUSES)
        .count<Array<{ n: number | string }>>({ n: '*' });
      if (Number(active?.n ?? 0) >= maxActive) throw new TooManyJobsError(maxActive);
      const running = start.status === 'running';
      const raw = {
        id: newId(), kind: input.kind, entity: input.entity ?? null, org_id: input.orgId, account_id: input.accountId,
        status: start.status, params: JSON.stringify(input.params), checkpoint: null,
        total: input.total, processed: 0, imported: 0, failed: 0, report_file: null, message: null,
        worker: running ? start.worker : null, lease_until: running ? start.leaseUntil : null, attempts: running ? 1 : 0,
        created_at: now, started_at: running ? now : null, finished_at: null, updated_at: now,
      };
      await trx('jobs').insert(raw);
      return this.row(raw);
    });
  }

  async get(id: string): Promise<JobRow | undefined> {
    const raw = await this.db.knex('jobs').where('id', id).first();
    return raw ? this.row(raw) : undefined;
  }

  private scoped(query: Knex.QueryBuilder, orgId: string, filter: JobFilter): Knex.QueryBuilder {
    query.where('org_id', orgId);
    if (filter.kind) query.where('kind', filter.kind);
    if (filter.accountId) query.where('account_id', filter.accountId);
    return query;
  }

  /** One job of an organisation (undefined for another organisation's: the caller answers 404). */
  async findForOrg(orgId: string, id: string, filter: JobFilter = {}): Promise<JobRow | undefined> {
    const raw = await this.scoped(this.db.reader('jobs').where('id', id), orgId, filter).first();
    return raw ? this.row(raw) : undefined;
  }

  /** An organisation's jobs, newest first. */
  async listForOrg(orgId: string, page: JobPage, filter: JobFilter = {}): Promise<{ items: JobRow[]; total: number }> {
    const [count] = await this.scoped(this.db.reader('jobs'), orgId, filter).count<Array<{ n: number | string }>>({ n: '*' });
    const rows = await this.scoped(this.db.reader('jobs'), orgId, filter).orderBy([{ column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' }]).limit(page.pageSize).offset((page.page - 1) * page.pageSize) as Record<string, unknown>[];
    return { items: rows.map(this.row), total: Number(count?.n ?? 0) };
  }

  /**
   * Claims the oldest job of the given kinds that is queued, or running under an expired (or
   * released) lease, in one statement; `resumed` is told by `attempts > 1`.
   */
  async claimNext(worker: string, kinds: string[], exclude: string[], now: string, leaseUntil: string): Promise<JobRow | undefined> {
    if (kinds.length === 0) return undefined;
    const list = (values: string[]) => values.map(() => '?').join(', ');
    const notMine = exclude.length > 0 ? `AND id NOT IN (${list(exclude)})` : '';
    const sql = `UPDATE jobs SET status = 'running', worker = ?, lease_until = ?, attempts = attempts + 1,
      started_at = COALESCE(started_at, ?), updated_at = ?
      WHERE id = (SELECT id FROM jobs WHERE kind IN (${list(kinds)}) ${notMine}
        AND (status = 'queued' OR (status = 'running' AND (lease_until IS NULL OR lease_until < ?)))
        ORDER BY created_at, id LIMIT 1 ${this.dialect.claimLock})
      RETURNING *`;
    const result = await this.db.knex.raw(sql, [worker, leaseUntil, now, now, ...kinds, ...exclude, now]);
    const [raw] = this.dialect.returned(result);
    return raw ? this.row(raw) : undefined;
  }

  /**
   * Claims one job by id for a delivery from the queue (pg-boss): when it is queued, or running under
   * an expired (or released) lease. Undefined when it has ended or a live process holds it.
   */
  async claim(id: string, worker: string, now: string, leaseUntil: string): Promise<JobRow | undefined> {
    const sql = `UPDATE jobs SET status = 'running', worker = ?, lease_until = ?, attempts = attempts + 1,
      started_at = COALESCE(started_at, ?), updated_at = ?
      WHERE id = ? AND (status = 'queued' OR (status = 'running' AND (lease_until IS NULL OR lease_until < ?)))
      RETURNING *`;
    const [raw] = this.dialect.returned(await this.db.knex.raw(sql, [worker, leaseUntil, now, now, id, now]));
    return raw ? this.row(raw) : undefined;
  }

  /**
   * Jobs of these kinds no process is working on: queued since before `queuedBefore`, or running
   * under an expired or released lease (their process died or stopped). The queue is told again.
   */
  async stranded(kinds: string[], now: string, queuedBefore: string, limit = 100): Promise<Array<Pick<JobRow, 'id' | 'kind'>>> {
    if (kinds.length === 0) return [];
    const rows = await this.db.knex('jobs').whereIn('kind', kinds)
      .where((q) => q.where((r) => r.where('status', 'queued').where('created_at', '<', queuedBefore))
        .orWhere((r) => r.where('status', 'running').where((s) => s.whereNull('lease_until').orWhere('lease_until', '<', now))))
      .orderBy('created_at').limit(limit).select('id', 'kind') as Array<{ id: string; kind: string }>;
    return rows.map((r) => ({ id: String(r.id), kind: String(r.kind) }));
  }

  /** Extends a running job's lease; false when this worker no longer holds it. */
  async renewLease(id: string, worker: string, leaseUntil: string): Promise<boolean> {
    return 1 === await this.db.knex('jobs').where({ id, worker, status: 'running' }).update({ lease_until: leaseUntil });
  }

  /** Progress outside a record transaction; false when this worker no longer holds the job. */
  async progress(id: string, worker: string, counts: Partial<JobCounts>, checkpoint: Record<string, unknown> | undefined,
    at: string): Promise<boolean> {
    return 1 === await this.db.knex('jobs').where({ id, worker, status: 'running' }).update(jobProgressColumns(counts, checkpoint, at));
  }

  /** Ends a run; undefined when this worker no longer holds the job (another process finishes it). */
  async finish(id: string, worker: string, end: JobEnd, at: string): Promise<JobRow | undefined> {
    const changed = await this.db.knex('jobs').where({ id, worker, status: 'running' }).update({
      ...jobProgressColumns(end.counts, undefined, at), status: end.status, message: end.message ?? null,
      report_file: end.reportFile ?? null, finished_at: at, lease_until: null,
    });
    return changed === 1 ? this.get(id) : undefined;
  }

  /** Gives a running job back (engine stopping): the next claim resumes it at once. */
  async release(id: string, worker: string, at: string): Promise<void> {
    await this.db.knex('jobs').where({ id, worker, status: 'running' }).update({ lease_until: null, worker: null, updated_at: at });
  }

  /** At start on a single-process database: every running job is an orphan; release them all. */
  async releaseOrphansAtStart(at: string): Promise<number> {
    if (!this.dialect.runningIsOrphanAtStart) return 0;
    return this.db.knex('jobs').where('status', 'running').update({ lease_until: null, worker: null, updated_at: at });
  }

  /**
   * Jobs no registered handler can run, waiting or orphaned (running under an expired or released
   * lease), become `interrupted` with `message`. Returns how many.
   */
  async interruptUnknownKinds(kinds: string[], now: string, message: string): Promise<number> {
    return this.db.knex('jobs').whereNotIn('kind', kinds.length > 0 ? kinds : [''])
      .where((q) => q.where('status', 'queued').orWhere((r) => r.where('status', 'running')
        .where((s) => s.whereNull('lease_until').orWhere('lease_until', '<', now))))
      .update({ status: 'interrupted', message, finished_at: now, updated_at: now, lease_until: null });
  }
}
