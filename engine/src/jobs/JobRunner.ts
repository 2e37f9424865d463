import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { isoNow, type Clock } from '../clock/index.js';
import type { JobsConfig } from '../config/index.js';
import type { Database } from '../db/index.js';
import { loggableError, type Logger } from '../log/index.js';
import type { JobRepository } from './JobRepository.js';
import { jobMessages } from './messages.js';
import { leaseFrom, runJob, type AbortReason, type RunDeps } from './runJob.js';
import { ACTIVE_STATUSES, type JobHandler, type JobListener, type JobRow, type NewJob } from './types.js';

export interface JobRunnerDeps {
  db: Database;
  repository: JobRepository;
  clock: Clock;
  logger: Logger;
  config: JobsConfig;
}

interface Active { controller: AbortController; done: Promise<JobRow | undefined>; worker: boolean }

/**
 * The in-process worker: handlers registered by kind, `workers` jobs at a time, woken by each
 * enqueue (a slow, unref'd poll only picks up leases expired in another process), a per-account cap
 * on queued plus running jobs, and recovery at start (orphaned jobs are resumed from their
 * checkpoint; those no handler can run become `interrupted`).
 */
export class JobRunner {
  readonly repository: JobRepository;
  /** This process's claim on the jobs it runs. */
  readonly worker = `${os.hostname().slice(0, 30)}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly active = new Map<string, Active>();
  private readonly waiters = new Map<string, Array<{ resolve(job: JobRow): void; reject(error: Error): void }>>();
  private readonly listeners = new Set<JobListener>();
  private started = false;
  private timer?: NodeJS.Timeout;
  private pumping?: Promise<void>;
  private again = false;

  constructor(private readonly deps: JobRunnerDeps) {
    this.repository = deps.repository;
  }

  register(handler: JobHandler): void {
    if (this.handlers.has(handler.kind)) throw new Error(`A job handler for "${handler.kind}" is already registered`);
    this.handlers.set(handler.kind, handler);
  }

  /** Creates a queued job (429 beyond the account's cap) and wakes the worker. */
  async enqueue(input: NewJob): Promise<JobRow> {
    this.handlerOf(input.kind);
    const job = await this.repository.create(input, { status: 'queued' }, isoNow(this.deps.clock), this.deps.config.maxConcurrentPerAccount);
    this.changed(job);
    void this.pump();
    return job;
  }

  /** Runs a job to its end within this call (small imports): same handler and bookkeeping, still a row in the table. */
  async runNow(input: NewJob): Promise<JobRow> {
    const handler = this.handlerOf(input.kind);
    const { clock, config } = this.deps;
    const job = await this.repository.create(input, { status: 'running', worker: this.worker, leaseUntil: leaseFrom(clock, config.leaseMs) },
      isoNow(clock), config.maxConcurrentPerAccount);
    this.changed(job);
    return (await this.launch(handler, job, false)) ?? (await this.repository.get(job.id))!;
  }

  /** Recovery, then claiming: woken by enqueues, and every `pollMs` for leases expired elsewhere. */
  async start(): Promise<void> {
    if (this.started) return;
    const now = isoNow(this.deps.clock);
    const orphans = await this.repository.releaseOrphansAtStart(now);
    const interrupted = await this.repository.interruptUnknownKinds([...this.handlers.keys()], now, jobMessages.interrupted);
    if (orphans > 0 || interrupted > 0) this.deps.logger.warn({ orphans, interrupted }, 'jobs left by a previous run recovered');
    this.started = true;
    this.timer = setInterval(() => { void this.pump(); }, this.deps.config.pollMs);
    this.timer.unref();
    void this.pump();
  }

  /** Aborts the running handlers and waits for them; their jobs are given back and resumed at the next start. */
  async stop(): Promise<void> {
    this.started = false;
    clearInterval(this.timer);
    for (const { controller } of this.active.values()) controller.abort('stop' satisfies AbortReason);
    await this.pumping;
    await Promise.allSettled([...this.active.values()].map((a) => a.done));
    for (const [id, list] of this.waiters) for (const w of list) w.reject(new Error(`Job runner stopped before job ${id} ended`));
    this.waiters.clear();
  }

  /** The job once it has ended (succeeded, partial, failed or interrupted). */
  async whenSettled(jobId: string): Promise<JobRow> {
    const settled = new Promise<JobRow>((resolve, reject) => {
      this.waiters.set(jobId, [...(this.waiters.get(jobId) ?? []), { resolve, reject }]);
    });
    const job = await this.repository.get(jobId);
    if (!job) throw new Error(`No job ${jobId}`);
    if (!ACTIVE_STATUSES.includes(job.status)) this.settle(job);
    return settled;
  }

  /** Resolves once this runner has nothing running and nothing it could claim. */
  async whenIdle(): Promise<void> {
    for (;;) {
      await this.pump();
      const running = [...this.active.values()].map((a) => a.done);
      if (running.length === 0) return;
      await Promise.allSettled(running);
    }
  }

  /** Listens to job changes (claimed, progress, finished); returns the unsubscribe. */
  onChange(listener: JobListener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  private handlerOf(kind: string): JobHandler {
    const handler = this.handlers.get(kind);
    if (!handler) throw new Error(`No job handler registered for "${kind}"`);
    return handler;
  }

  private changed = (job: JobRow): void => {
    for (const listener of this.listeners) {
      try { listener(job); } catch (error) { this.deps.logger.warn({ err: loggableError(error) }, 'job listener failed'); }
    }
    if (!ACTIVE_STATUSES.includes(job.status)) this.settle(job);
  };

  private settle(job: JobRow): void {
    for (const waiter of this.waiters.get(job.id) ?? []) waiter.resolve(job);
    this.waiters.delete(job.id);
  }

  private launch(handler: JobHandler, job: JobRow, worker: boolean): Promise<JobRow | undefined> {
    const { repository, clock, logger, config } = this.deps;
    const runDeps: RunDeps = { repository, clock, logger, worker: this.worker, leaseMs: config.leaseMs,
      maxAttempts: config.maxAttempts, changed: this.changed };
    const controller = new AbortController();
    const done = runJob(runDeps, handler, job, controller).finally(() => {
      this.active.delete(job.id);
      if (worker) void this.pump();
    });
    this.active.set(job.id, { controller, done: done.catch(() => undefined), worker });
    return done;
  }

  /** Claims jobs while worker slots are free; one pass at a time (a call meanwhile asks for another pass). */
  private pump(): Promise<void> {
    if (!this.started) return Promise.resolve();
    if (this.pumping) { this.again = true; return this.pumping; }
    this.pumping = this.claimWhileFree().finally(() => { this.pumping = undefined; });
    return this.pumping;
  }

  private async claimWhileFree(): Promise<void> {
    const { repository, clock, config, logger } = this.deps;
    try {
      do {
        this.again = false;
        while (this.started && [...this.active.values()].filter((a) => a.worker).length < config.workers) {
          const job = await repository.claimNext(this.worker, [...this.handlers.keys()], [...this.active.keys()],
            isoNow(clock), leaseFrom(clock, config.leaseMs));
          if (!job) break;
          if (!this.started) { await repository.release(job.id, this.worker, isoNow(clock)); break; }
          this.changed(job);
          this.launch(this.handlerOf(job.kind), job, true).catch((error: unknown) => {
            logger.error({ err: loggableError(error), jobId: job.id }, 'storing the end of a job failed'); // resumed at the next start
          });
        }
      } while (this.again && this.started);
    } catch (error) {
      logger.error({ err: loggableError(error) }, 'claiming jobs failed');
    }
  }
}
