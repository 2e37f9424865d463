import { isoNow, type Clock } from '../../clock/index.js';
import type { JobsConfig } from '../../config/index.js';
import { loggableError, type Logger } from '../../log/index.js';
import type { JobRepository } from '../JobRepository.js';
import { leaseFrom } from '../runJob.js';
import type { DeliveryHost, JobDelivery } from './types.js';

export interface TableDeliveryDeps { repository: JobRepository; clock: Clock; logger: Logger; config: JobsConfig }

/**
 * Claims on the `jobs` table itself (SQLite, one engine process per file): woken by each enqueue and
 * each freed slot, and every `pollMs` (unref'd) for leases that expired. One statement claims a job
 * (`UPDATE … WHERE id = (SELECT … LIMIT 1)`), so two runners never take the same one.
 */
export class TableDelivery implements JobDelivery {
  readonly name = 'table';
  private host?: DeliveryHost;
  private timer?: NodeJS.Timeout;
  private pumping?: Promise<void>;
  private again = false;

  constructor(private readonly deps: TableDeliveryDeps) {}

  async start(host: DeliveryHost): Promise<void> {
    this.host = host;
    this.timer = setInterval(() => { void this.pump(); }, this.deps.config.pollMs);
    this.timer.unref();
    void this.pump();
  }

  async queued(): Promise<void> { void this.pump(); }

  slotFreed(): void { void this.pump(); }

  async pause(): Promise<void> {
    this.host = undefined;
    clearInterval(this.timer);
    await this.pumping;
  }

  async close(): Promise<void> {}

  settle(): Promise<void> { return this.pump(); }

  /** The table itself is the queue: the `jobs` readiness check covers it. */
  async check(): Promise<Record<string, unknown>> { return { delivery: this.name }; }

  /** Claims jobs while worker slots are free; one pass at a time (a call meanwhile asks for another pass). */
  private pump(): Promise<void> {
    if (!this.host) return Promise.resolve();
    if (this.pumping) { this.again = true; return this.pumping; }
    this.pumping = this.claimWhileFree().finally(() => { this.pumping = undefined; });
    return this.pumping;
  }

  private async claimWhileFree(): Promise<void> {
    const { repository, clock, config, logger } = this.deps;
    try {
      do {
        this.again = false;
        for (let host = this.host; host && host.running().length < config.workers; host = this.host) {
          const job = await repository.claimNext(host.worker, host.kinds(), host.running(), isoNow(clock), leaseFrom(clock, config.leaseMs));
          if (!job) break;
          if (!this.host) { await repository.release(job.id, host.worker, isoNow(clock)); break; }
          void host.run(job);
        }
      } while (this.again && this.host);
    } catch (error) {
      logger.error({ err: loggableError(error) }, 'claiming jobs failed');
    }
  }
}
