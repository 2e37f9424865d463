import type { Knex } from 'knex';
import type { Clock } from '../clock/index.js';
import type { ThrottleConfig } from '../config/index.js';
import { RequestCounter } from './RequestCounter.js';
import type { ThrottleRule } from './rules.js';

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Who makes the request: the client address (trusted-proxy aware) and the logged-in account, if any. */
export interface Requester {
  address: string;
  accountId?: string;
}

/** Counts a request against its rule's per-address and per-account limits (0: no limit). */
export class RequestThrottle {
  private readonly counter: RequestCounter;

  constructor(knex: Knex, private readonly clock: Clock, private readonly config: ThrottleConfig) {
    this.counter = new RequestCounter(knex, clock);
  }

  async check(rule: ThrottleRule, requester: Requester): Promise<ThrottleVerdict> {
    const limit = rule.limit(this.config);
    const windowMs = limit.windowSeconds * 1000;
    const buckets: Array<[string, number]> = [[`${rule.name}:address:${requester.address}`, limit.perAddress]];
    if (requester.accountId) buckets.push([`${rule.name}:account:${requester.accountId}`, limit.perAccount]);
    let resetsAt = 0;
    for (const [bucket, max] of buckets) {
      if (max === 0) continue;
      const count = await this.counter.hit(bucket, windowMs);
      if (count.hits > max) resetsAt = Math.max(resetsAt, count.resetsAt);
    }
    if (resetsAt === 0) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - this.clock.now().getTime()) / 1000)) };
  }
}
