export { AuditRetention, type AuditRetentionDeps, type RetentionReport } from './AuditRetention.js';
