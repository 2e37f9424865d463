export { checkPasswordRules, describePasswordRules, hasSequence } from './passwordRules.js';
export type { AccountPolicy, LockoutRules, PasswordContext, PasswordRules, PolicyFailure } from './types.js';
