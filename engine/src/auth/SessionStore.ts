import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { isoNow, type Clock } from '../clock/index.js';
import type { Models, SessionModel } from '../db/index.js';

export interface SessionSettings { idleMinutes: number; absoluteHours: number }

const TOUCH_EVERY_MS = 60_000;
/** The session row id of a cookie token. */
export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');
const minutes = (n: number) => n * 60_000;

/**
 * Server-side sessions: the cookie holds a random token, the database only its SHA-256.
 * Sessions end at logout, after the idle timeout, or at the absolute limit.
 */
export class SessionStore {
  constructor(private readonly models: Models, private readonly clock: Clock, private readonly settings: SessionSettings,
    private readonly reader: Knex = models.Session.knex()) {}

  async create(accountId: string, meta: { ip?: string; userAgent?: string }, trx?: Knex.Transaction) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.models.Session.query(trx).insert({
      id: tokenId(token), accountId, csrfToken, createdAt: now.toISOString(), lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.settings.absoluteHours * 3_600_000).toISOString(),
      ip: meta.ip?.slice(0, 64) ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, csrfToken };
  }

  /** The live session of a cookie token, touched at most once a minute (no write per request). */
  async find(token: string | undefined): Promise<SessionModel | undefined> {
    if (!token || token.length > 100) return undefined;
    // Plain knex (not objection's query builder): this runs on every request.
    const row = await this.reader('sessions').where('id', tokenId(token)).first() as Record<string, unknown> | undefined;
    if (!row) return undefined;
    const session = this.models.Session.fromDatabaseJson(row);
    const now = this.clock.now();
    const idleSince = now.getTime() - new Date(session.lastSeenAt).getTime();
    if (idleSince > minutes(this.settings.idleMinutes) || now.toISOString() >= session.expiresAt) {
      await this.models.Session.query().deleteById(session.id);
      return undefined;
    }
    if (idleSince > TOUCH_EVERY_MS) {
      session.lastSeenAt = isoNow(this.clock);
      await this.models.Session.query().patch({ lastSeenAt: session.lastSeenAt }).where('id', session.id);
    }
    return session;
  }

  async destroy(token: string | undefined): Promise<void> {
    if (token) await this.models.Session.query().deleteById(tokenId(token));
  }

  /** Ends every session of an account, except `keepSessionId` if given (after a password change). */
  async destroyOthers(accountId: string, keepSessionId?: string, trx?: Knex.Transaction): Promise<void> {
    const query = this.models.Session.query(trx).where('account_id', accountId);
    if (keepSessionId) void query.whereNot('id', keepSessionId);
    await query.delete();
  }
}
