import type { Database } from '../db/index.js';
import { runExclusively } from '../files/index.js';
import { loggableError, type Logger } from '../log/index.js';

export interface PeriodicTaskOptions<T> {
  db: Database;
  /** The advisory lock's name: one engine at a time runs the task on a shared database. */
  name: string;
  intervalMinutes: number;
  logger: Logger;
  /** What a failed run logs (warn), e.g. `file sweep failed`. */
  failure: string;
  /** One run (at the clock's time, read by the task itself). */
  work: () => Promise<T>;
}

const MINUTE = 60_000;

/**
 * Maintenance run every `intervalMinutes` by one engine at a time (e.g. the audit log's retention):
 * the first after one interval; failures are logged and retried next time; tests call `run()`.
 */
export class PeriodicTask<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<T | undefined> | undefined;

  constructor(private readonly options: PeriodicTaskOptions<T>) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.run().catch((error: unknown) => this.options.logger.warn({ err: loggableError(error) }, this.options.failure));
    }, this.options.intervalMinutes * MINUTE);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One run now; undefined when another engine is running it. Overlapping calls share one run. */
  run(): Promise<T | undefined> {
    this.running ??= runExclusively(this.options.db, this.options.name, this.options.work)
      .finally(() => { this.running = undefined; });
    return this.running;
  }
}
