import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { isoNow, type Clock } from '../clock/index.js';
import type { JobsConfig } from '../config/index.js';
import type { Database } from '../db/index.js';
import { loggableError, type Logger } from '../log/index.js';
import type { JobRepository } from './JobRepository.js';
import { jobMessages } from './messages.js';
import { leaseFrom, runJob, type AbortReason, type RunDeps } from './runJob.js';
import { TableDelivery } from './delivery/TableDelivery.js';
import type { DeliveryHost, JobDelivery } from './delivery/types.js';
import { ACTIVE_STATUSES, type JobHandler, type JobListener, type JobRow, type NewJob } from './types.js';

export interface JobRunnerDeps {
  db: Database;
  repository: JobRepository;
  clock: Clock;
  logger: Logger;
  config: JobsConfig;
  /** How queued jobs reach a worker; claims on the `jobs` table when absent. */
  delivery?: JobDelivery;
}

interface Active { controller: AbortController; done: Promise<JobRow | undefined>; worker: boolean }

/**
 * The jobs of this engine process: handlers registered by kind, background runs taken from the
 * queue (a `JobDelivery`: the `jobs` table, or pg-boss on PostgreSQL) in `workers` slots, a per-account
 * cap on queued plus running jobs, and recovery at start (orphaned jobs are resumed from their
 * checkpoint; those no handler can run become `interrupted`).
 */
export class JobRunner {
  readonly repository: JobRepository;
  /** This process's claim on the jobs it runs. */
  readonly worker = `${os.hostname().slice(0, 30)}:${process.pid}:${randomBytes(4).toString('hex')}`;
  readonly delivery: JobDelivery;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly active = new Map<string, Active>();
  private readonly waiters = new Map<string, Array<{ resolve(job: JobRow): void; reject(error: Error): void }>>();
  private readonly listeners = new Set<JobListener>();
  private started = false;

  constructor(private readonly deps: JobRunnerDeps) {
    this.repository = deps.repository;
    this.delivery = deps.delivery ?? new TableDelivery(deps);
  }

  register(handler: JobHandler): void {
    if (this.handlers.has(handler.kind)) throw new Error(`A job handler for "${handler.kind}" is already registered`);
    this.handlers.set(handler.kind, handler);
  }

  /** Creates a queued job (429 beyond the account's cap) and hands it to the queue. */
  async enqueue(input: NewJob): Promise<JobRow> {
    this.handlerOf(input.kind);
    const job = await this.repository.create(input, { status: 'queued' }, isoNow(this.deps.clock), this.deps.config.maxConcurrentPerAccount);
    this.changed(job);
    // Not started: the start (or another process's sweep) takes it. The row is durable: a failed send is the sweep's to repeat.
    if (this.started) {
      await this.delivery.queued(job).catch((error: unknown) => {
        this.deps.logger.warn({ err: loggableError(error), jobId: job.id }, 'job queued, its delivery left to the next sweep');
      });
    }
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

  /** Recovery, then taking jobs from the queue. */
  async start(): Promise<void> {
    if (this.started) return;
    const now = isoNow(this.deps.clock);
    const orphans = await this.repository.releaseOrphansAtStart(now);
    const interrupted = await this.repository.interruptUnknownKinds([...this.handlers.keys()], now, jobMessages.interrupted);
    if (orphans > 0 || interrupted > 0) this.deps.logger.warn({ orphans, interrupted }, 'jobs left by a previous run recovered');
    this.started = true;
    await this.delivery.start(this.host);
  }

  /** Stops taking jobs, aborts the running handlers and waits for them; their jobs are given back and resumed later. */
  async stop(): Promise<void> {
    if (this.started) {
      this.started = false;
      await this.delivery.pause();
    }
    for (const { controller } of this.active.values()) controller.abort('stop' satisfies AbortReason);
    await Promise.allSettled([...this.active.values()].map((a) => a.done));
    await this.delivery.close();
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

  /** Resolves once this runner has nothing running and nothing it could take. */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.started) await this.delivery.settle();
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

  /** What the delivery sees of this runner. */
  private readonly host: DeliveryHost = {
    worker: this.worker,
    kinds: () => [...this.handlers.keys()],
    running: () => [...this.active.entries()].filter(([, a]) => a.worker).map(([id]) => id),
    run: async (job) => {
      if (this.active.has(job.id)) return { outcome: 'leaseLost' }; // already running here (a second delivery of the same job)
      this.changed(job);
      const launched = this.launch(this.handlerOf(job.kind), job, true);
      const { signal } = this.active.get(job.id)!.controller;
      try {
        const row = await launched;
        if (row) return { outcome: 'ended', job: row };
        return { outcome: signal.reason === 'stop' ? 'givenBack' : 'leaseLost' };
      } catch (error) {
        this.deps.logger.error({ err: loggableError(error), jobId: job.id }, 'storing the end of a job failed'); // resumed later
        return { outcome: 'givenBack' };
      }
    },
  };

  private launch(handler: JobHandler, job: JobRow, worker: boolean): Promise<JobRow | undefined> {
    const { repository, clock, logger, config } = this.deps;
    const runDeps: RunDeps = { repository, clock, logger, worker: this.worker, leaseMs: config.leaseMs,
      maxAttempts: config.maxAttempts, changed: this.changed };
    const controller = new AbortController();
    const done = runJob(runDeps, handler, job, controller).finally(() => {
      this.active.delete(job.id);
      if (worker) this.delivery.slotFreed();
    });
    this.active.set(job.id, { controller, done: done.catch(() => undefined), worker });
    return done;
  }
}
