import type { Knex } from 'knex';
import type { Clock } from '../clock/index.js';
import type { LockoutRules } from './policy/index.js';

export type Reservation = { status: 'reserved' } | { status: 'locked'; lockedUntil: string } | { status: 'busy' };

/** How long a reserved check may stay unfinished before it no longer counts (a crashed process). */
const LEASE_MS = 30_000;
/** Failures this old are forgotten ("consecutive" means within a day). */
const FAILURE_MEMORY_MS = 24 * 3_600_000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Lockout state per username key — known accounts and unknown names alike, so that an unknown
 * username behaves exactly like a wrong password. Every password check first reserves one
 * of the attempts still allowed, in one atomic UPDATE: failures plus checks in flight never exceed
 * the limit, so 50 parallel wrong passwords cause at most `maxFailures` checks, while correct ones
 * simply wait their turn (a success resets the count).
 */
export class LoginThrottle {
  private lastPrune = 0;

  constructor(private readonly knex: Knex, private readonly clock: Clock) {}

  /** Rows with nothing left to remember (no lock, no recent failure, no check in flight), hourly. */
  private async prune(now: number): Promise<void> {
    if (now - this.lastPrune < 3_600_000) return;
    this.lastPrune = now;
    await this.knex('login_throttle')
      .where((w) => { void w.whereNull('locked_until').orWhere('locked_until', '<', iso(now)); })
      .where((w) => { void w.whereNull('last_failure_at').orWhere('last_failure_at', '<', iso(now - FAILURE_MEMORY_MS)); })
      .where((w) => { void w.whereNull('in_flight_until').orWhere('in_flight_until', '<', iso(now)); })
      .delete();
  }

  async reserve(key: string, rules: LockoutRules): Promise<Reservation> {
    const now = this.clock.now().getTime();
    await this.prune(now);
    const [nowIso, forgetBefore] = [iso(now), iso(now - FAILURE_MEMORY_MS)];
    await this.knex('login_throttle').insert({ username_key: key }).onConflict('username_key').ignore();
    // Expired locks and old failures count as none; stale leases count as no check in flight.
    const failures = `CASE WHEN (locked_until IS NOT NULL AND locked_until <= ?) OR (last_failure_at IS NOT NULL AND last_failure_at < ?) THEN 0 ELSE failed_attempts END`;
    const inFlight = 'CASE WHEN in_flight_until IS NULL OR in_flight_until < ? THEN 0 ELSE attempts_in_flight END';
    const changed = await this.knex('login_throttle').where('username_key', key)
      .whereRaw('(locked_until IS NULL OR locked_until <= ?)', [nowIso])
      .whereRaw(`${failures} + ${inFlight} < ?`, [nowIso, forgetBefore, nowIso, rules.maxFailures])
      .update({
        failed_attempts: this.knex.raw(failures, [nowIso, forgetBefore]),
        locked_until: this.knex.raw('CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN NULL ELSE locked_until END', [nowIso]),
        attempts_in_flight: this.knex.raw(`${inFlight} + 1`, [nowIso]),
        in_flight_until: iso(now + LEASE_MS),
      });
    if (changed === 1) return { status: 'reserved' };
    const row = await this.knex('login_throttle').where('username_key', key).first() as { locked_until: string | null } | undefined;
    return row?.locked_until && row.locked_until > nowIso ? { status: 'locked', lockedUntil: row.locked_until } : { status: 'busy' };
  }

  /**
   * Ends a reserved check: a success clears the failures, a failure adds one and may lock. A
   * `partial` success (the password of an account that still needs its second factor) clears
   * nothing: only the whole login does, so password and code failures count together.
   */
  async release(key: string, success: boolean | 'partial', rules: LockoutRules): Promise<{ failures: number; lockedUntil?: string }> {
    const now = this.clock.now().getTime();
    const done = { attempts_in_flight: this.knex.raw('CASE WHEN attempts_in_flight > 0 THEN attempts_in_flight - 1 ELSE 0 END') };
    const update = success === 'partial' ? done : success ? { ...done, failed_attempts: 0, last_failure_at: null } : {
      ...done,
      failed_attempts: this.knex.raw('failed_attempts + 1'),
      last_failure_at: iso(now),
      locked_until: this.knex.raw('CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END',
        [rules.maxFailures, iso(now + rules.lockMinutes * 60_000)]),
    };
    await this.knex('login_throttle').where('username_key', key).update(update);
    const row = await this.knex('login_throttle').where('username_key', key).first() as { failed_attempts: number; locked_until: string | null };
    return { failures: Number(row.failed_attempts), ...(row.locked_until && row.locked_until > iso(now) ? { lockedUntil: row.locked_until } : {}) };
  }

  /** The lock end of a username, if it is locked now. */
  async lockedUntil(key: string): Promise<string | undefined> {
    const row = await this.knex('login_throttle').where('username_key', key).first() as { locked_until: string | null } | undefined;
    const now = iso(this.clock.now().getTime());
    return row?.locked_until && row.locked_until > now ? row.locked_until : undefined;
  }

  /** Unlocks at once: the right password works on the next attempt. */
  async unlock(key: string): Promise<void> {
    await this.knex('login_throttle').where('username_key', key)
      .update({ failed_attempts: 0, locked_until: null, last_failure_at: null });
  }

  async forget(key: string): Promise<void> {
    await this.knex('login_throttle').where('username_key', key).delete();
  }
}
