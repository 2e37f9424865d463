import PgBoss from 'pg-boss';
import { isoNow, type Clock } from '../../clock/index.js';
import type { JobsConfig } from '../../config/index.js';
import { loggableError, type Logger } from '../../log/index.js';
import type { JobRepository } from '../JobRepository.js';
import { leaseFrom } from '../runJob.js';
import type { JobRow } from '../types.js';
import type { DeliveryHost, JobDelivery } from './types.js';

export interface PgBossDeliveryDeps {
  repository: JobRepository;
  clock: Clock;
  logger: Logger;
  config: JobsConfig;
  /** The engine's PostgreSQL database. */
  url: string;
  /** pg-boss's own schema (`pgboss`; `<search path>_jobs` when the engine runs in a schema of its own). */
  schema: string;
}

interface Delivery { jobId: string }

/** Thrown to pg-boss when a run was given back (engine stopping): pg-boss retries the delivery elsewhere. */
class GivenBack extends Error {
  constructor(jobId: string) { super(`job ${jobId} given back for resumption`); }
}

/**
 * Background jobs on PostgreSQL through pg-boss (several engine processes, R-13). pg-boss delivers
 * each queued job to one worker (its fetch is `FOR UPDATE SKIP LOCKED`), retries a delivery that failed
 * or whose worker died (after `expireSeconds`, by its supervisor in one process at a time), and keeps and
 * archives the delivery history. The `jobs` row remains the job: the worker claims it by id under a lease
 * it renews, and every chunk commits its checkpoint with its records, so a second delivery of the same job
 * (a retry while the first still runs, or after it died) resumes after the last commit or does nothing:
 * each row is written exactly once whatever pg-boss delivers twice.
 *
 * A job the queue does not know about (its engine died between the row and the send, or a small import
 * run within its request died) is sent again by a sweep every `pollMs` once its lease has expired.
 */
export class PgBossDelivery implements JobDelivery {
  readonly name = 'pg-boss';
  private readonly boss: PgBoss;
  private host?: DeliveryHost;
  private readonly workerIds: string[] = [];
  private sweepTimer?: NodeJS.Timeout;

  constructor(private readonly deps: PgBossDeliveryDeps) {
    const { config } = deps;
    this.boss = new PgBoss({
      connectionString: deps.url, schema: deps.schema, application_name: 'zjrj-engine-jobs', max: Math.max(2, config.workers + 1),
      // The supervisor fails expired deliveries (and so retries them): often enough for the expiry to matter.
      maintenanceIntervalSeconds: Math.min(120, Math.max(1, Math.ceil(config.expireSeconds / 4))),
      schedule: false,
    });
    this.boss.on('error', (error: unknown) => deps.logger.warn({ err: loggableError(error) }, 'job queue (pg-boss) error'));
  }

  async start(host: DeliveryHost): Promise<void> {
    const { config } = this.deps;
    await this.boss.start();
    for (const kind of host.kinds()) {
      await this.ensureQueue(kind);
      for (let i = 0; i < config.workers; i += 1) {
        this.workerIds.push(await this.boss.work<Delivery>(kind, { batchSize: 1, pollingIntervalSeconds: pollSeconds(config) },
          ([delivery]) => this.take(delivery!.data.jobId)));
      }
    }
    this.host = host;
    this.sweepTimer = setInterval(() => { void this.sweep(); }, config.pollMs);
    this.sweepTimer.unref();
    await this.sweep();
  }

  async queued(job: JobRow): Promise<void> {
    await this.send(job.kind, job.id);
    for (const id of this.workerIds) this.boss.notifyWorker(id);
  }

  slotFreed(): void {}

  async pause(): Promise<void> {
    this.host = undefined;
    clearInterval(this.sweepTimer);
    await Promise.all(this.workerIds.map((id) => this.boss.offWork({ id })));
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 1000 });
  }

  async settle(): Promise<void> {
    await this.sweep();
  }

  /** Deliveries waiting in pg-boss per kind (its schema answers, and a backlog shows). */
  async check(): Promise<Record<string, unknown>> {
    const kinds = this.host?.kinds() ?? [];
    const waiting = Object.fromEntries(await Promise.all(kinds.map(async (kind) => [kind, await this.boss.getQueueSize(kind)] as const)));
    return { delivery: this.name, waiting };
  }

  /** One delivery: claim the row and run it; a row that ended or that a live process holds is done with. */
  private async take(jobId: string): Promise<void> {
    const { repository, clock, config } = this.deps;
    const host = this.host;
    if (!host) throw new GivenBack(jobId);
    const job = await repository.claim(jobId, host.worker, isoNow(clock), leaseFrom(clock, config.leaseMs));
    if (!job) return;
    const end = await host.run(job);
    if (end.outcome === 'givenBack') throw new GivenBack(jobId);
  }

  private async send(kind: string, jobId: string): Promise<void> {
    const { config } = this.deps;
    // `short` queues keep one waiting delivery per key: sending a job again while it waits adds nothing.
    await this.boss.send(kind, { jobId } satisfies Delivery, { singletonKey: jobId, expireInSeconds: config.expireSeconds });
  }

  /** Sends again the jobs no process works on and the queue may not know about. */
  private async sweep(): Promise<void> {
    const host = this.host;
    if (!host) return;
    const { repository, clock, config, logger } = this.deps;
    try {
      const now = clock.now();
      const stranded = await repository.stranded(host.kinds(), now.toISOString(), new Date(now.getTime() - config.pollMs).toISOString());
      for (const job of stranded) await this.send(job.kind, job.id);
      if (stranded.length > 0) logger.info({ jobs: stranded.length }, 'stranded jobs sent to the queue again');
    } catch (error) {
      logger.warn({ err: loggableError(error) }, 'sweeping stranded jobs failed');
    }
  }

  /** Creates the kind's queue once; engines starting together race (a unique clash or a deadlock): the loser finds it made. */
  private async ensureQueue(kind: string): Promise<void> {
    const { config } = this.deps;
    for (let attempt = 1; ; attempt += 1) {
      if (await this.boss.getQueue(kind)) return;
      try {
        await this.boss.createQueue(kind, { name: kind, policy: 'short', retryLimit: RETRY_LIMIT, retryDelay: 1, retryBackoff: true,
          expireInSeconds: config.expireSeconds });
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
  }
}

/** Deliveries of one job pg-boss makes before it gives up; the job's own `maxAttempts` counts runs that started. */
const RETRY_LIMIT = 10;

/** How often an idle pg-boss worker looks for deliveries (each send also wakes this process's workers). */
const pollSeconds = (config: JobsConfig) => Math.max(0.5, Math.min(2, config.pollMs / 1000));
