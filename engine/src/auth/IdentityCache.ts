import type { Clock } from '../clock/index.js';
import type { AccountModel, OrgModel, SessionModel } from '../db/index.js';

/** Who a session belongs to, as loaded from the database (without per-request facts such as the IP). */
export interface Identity {
  session: SessionModel;
  account: AccountModel;
  org: OrgModel;
  roles: string[];
  roleNames: string[];
  permissions: ReadonlySet<string>;
}

/**
 * Identities of sessions in use, kept for a few seconds so that a busy session does not cost three
 * queries per request. Logout and password changes forget entries at once; anything else that
 * changes an account or its roles calls `forgetAccount`. The short lifetime bounds what another
 * engine process (PostgreSQL deployments) can miss: a revocation there takes effect here within it.
 */
export class IdentityCache {
  private readonly entries = new Map<string, { identity: Identity; until: number }>();

  constructor(private readonly clock: Clock, private readonly ttlMs: number, private readonly maxEntries = 10_000) {}

  get(sessionId: string): Identity | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.until > this.clock.now().getTime()) return entry.identity;
    this.entries.delete(sessionId);
    return undefined;
  }

  set(identity: Identity): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(identity.session.id, { identity, until: this.clock.now().getTime() + this.ttlMs });
  }

  forgetSession(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  forgetAccount(accountId: string): void {
    for (const [id, entry] of this.entries) if (entry.identity.account.id === accountId) this.entries.delete(id);
  }
}
