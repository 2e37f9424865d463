import type { Knex } from 'knex';
import type { Clock } from '../clock/index.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** How often one process deletes windows that ended (any process may: the rows are shared). */
const PRUNE_EVERY_MS = 10 * 60_000;

export interface WindowCount {
  /** Requests counted in the current window, this one included. */
  hits: number;
  /** When the window ends (ms since the epoch). */
  resetsAt: number;
}

/**
 * Fixed-window request counters in the database (`request_throttle`), so that every engine
 * process on one PostgreSQL counts together: one atomic upsert per bucket and request, windows
 * aligned on the epoch (every process agrees on them), time from the injected clock. Written
 * here rather than taken from a rate-limit library because those read the system time and keep
 * tables of their own outside the migrations.
 */
export class RequestCounter {
  private lastPrune = 0;

  constructor(private readonly knex: Knex, private readonly clock: Clock) {}

  async hit(bucket: string, windowMs: number): Promise<WindowCount> {
    const now = this.clock.now().getTime();
    await this.prune(now);
    const start = Math.floor(now / windowMs) * windowMs;
    const rows = await this.knex('request_throttle')
      .insert({ bucket, window_start: iso(start), hits: 1, expires_at: iso(start + windowMs) })
      .onConflict(['bucket', 'window_start'])
      .merge({ hits: this.knex.raw('?? + 1', ['request_throttle.hits']) })
      .returning('hits') as Array<{ hits: number | string }>;
    return { hits: Number(rows[0]!.hits), resetsAt: start + windowMs };
  }

  private async prune(now: number): Promise<void> {
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.knex('request_throttle').where('expires_at', '<=', iso(now)).delete();
  }
}
