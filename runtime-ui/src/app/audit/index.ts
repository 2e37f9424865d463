export { AuditPage } from './AuditPage';
export { actionLabel, auditRange, compactDetails, resultLabel } from './auditLabels';
