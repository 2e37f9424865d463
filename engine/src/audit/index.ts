export { AUDIT_ACTIONS, type AuditAction } from './actions.js';
export { listAudit, type AuditItem } from './AuditQueries.js';
export { AuditLog, type AuditLogDeps } from './AuditLog.js';
export { auditRow, writeAudit, type AuditEntry } from './auditRow.js';
export { fieldChanges, maskedChanges, type FieldChanges } from './fieldChanges.js';
export { maskIdNumber, maskIdNumbersDeep } from './mask.js';
export { AuditRetention, type RetentionReport } from './retention/index.js';
