import type { ConfigSource } from './ConfigSource.js';

/** The audit log's retention (engine/src/audit/retention). */
export interface AuditConfig {
  /** Audit events older than this many days are deleted; at least MIN_AUDIT_RETENTION_DAYS. */
  retentionDays: number;
  /** How often one engine deletes expired audit events (one engine at a time on a shared database). */
  retentionIntervalMinutes: number;
}

/**
 * China's Cybersecurity Law (Art. 21 (3)) requires network logs to be kept for at least six months;
 * MLPS level 3 (GB/T 22239-2019 8.1.4.3 c) requires the audit records to be protected meanwhile.
 */
export const MIN_AUDIT_RETENTION_DAYS = 183;

export function readAudit(source: ConfigSource): AuditConfig {
  const retentionDays = source.int('AUDIT_RETENTION_DAYS', MIN_AUDIT_RETENTION_DAYS);
  if (retentionDays < MIN_AUDIT_RETENTION_DAYS) {
    source.refuse('AUDIT_RETENTION_DAYS', `is ${retentionDays}, but the Cybersecurity Law (Art. 21) requires logs to be kept for at least six months (also expected by MLPS level 3); set ${MIN_AUDIT_RETENTION_DAYS} or more`);
  }
  return { retentionDays, retentionIntervalMinutes: source.int('AUDIT_RETENTION_INTERVAL_MINUTES', 60) };
}
