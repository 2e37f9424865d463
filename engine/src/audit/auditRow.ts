import type { Knex } from 'knex';
import type { Actor } from '../access/index.js';
import type { AuditAction } from './actions.js';

export interface AuditEntry {
  action: AuditAction;
  entity?: string;
  recordId?: string;
  details?: Record<string, unknown>;
}

/** One row of `audit_events`: who, when, what and from where. */
export function auditRow(actor: Actor | undefined, entry: AuditEntry, at: string) {
  return {
    at,
    account_id: actor?.accountId || null,
    org_id: actor?.orgId || null,
    action: entry.action,
    entity: entry.entity ?? null,
    record_id: entry.recordId ?? null,
    ip: actor?.ip ?? null,
    request_id: actor?.requestId ?? null,
    details: entry.details === undefined ? null : JSON.stringify(entry.details),
  };
}

/**
 * Writes an audit row in the same transaction as the change it describes, so a change without its
 * audit row cannot exist.
 */
export async function writeAudit(trx: Knex | Knex.Transaction, actor: Actor | undefined, entry: AuditEntry,
  at: string): Promise<void> {
  await trx('audit_events').insert(auditRow(actor, entry, at));
}
