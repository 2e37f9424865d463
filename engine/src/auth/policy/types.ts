import type { DefinitionContent } from '../../definitions/index.js';

export type CharClass = 'upper' | 'lower' | 'digit' | 'special';

export interface PasswordRules {
  minLength: number;
  maxLength: number;
  requiredClasses: CharClass[];
  sequenceLength: number;
  allowedSpecials: string | null;
  refuseFullWidth: boolean;
  historyCount: number;
  refuseUsername: boolean;
  refuseDefault: boolean;
  blocklist?: string[];
  contextWords?: string[];
}

export interface LockoutRules {
  maxFailures: number;
  lockMinutes: number;
}

/** A `policy` definition (definitions/policies/*.json). */
export interface AccountPolicy extends DefinitionContent {
  kind: 'policy';
  password: PasswordRules;
  lockout: LockoutRules;
}

/** What a new password is checked against besides the rules themselves. */
export interface PasswordContext {
  password: string;
  confirm: string;
  username: string;
  defaultPassword: string;
}

/** One failed rule: the API.md `rule` value and the Chinese message saying what to do. */
export interface PolicyFailure { rule: string; message: string }
