/**
 * Every action the audit log records (`audit_events.action`). Writers can only name one of these,
 * and the runtime UI must give each a Chinese name (its label table is typed by this list), so a
 * new kind of event cannot reach the 审计日志 page unnamed.
 */
export const AUDIT_ACTIONS = [
  'auth.login', 'auth.passwordChange',
  'auth.twoFactor.enrol', 'auth.twoFactor.disable', 'auth.twoFactor.code', 'auth.twoFactor.recoveryCodes',
  'account.create', 'account.update', 'account.delete', 'account.unlock', 'account.passwordReset', 'account.twoFactorReset',
  'role.create', 'role.update', 'role.delete',
  'record.create', 'record.update', 'record.delete', 'record.read', 'record.export', 'record.import', 'record.transfer',
  'sensitive.reveal',
  'file.upload', 'file.read',
  'importReport.export',
  'preRegistration.export', 'preRegistration.read',
  'realName.read', 'realName.save',
  'transfer.lookup',
  'location.request',
  'definition.publish', 'definition.rollback',
  'audit.read', 'audit.retention',
] as const;

export type AuditAction = typeof AUDIT_ACTIONS[number];
