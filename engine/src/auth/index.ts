export { AccountPolicies } from './AccountPolicies.js';
export { AuthService, usernameKey, type LoginResult, type Principal, type RequestMeta, type UserView } from './AuthService.js';
export { LoginThrottle } from './LoginThrottle.js';
export { PasswordChecker } from './PasswordChecker.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { PasswordService } from './PasswordService.js';
export { checkPasswordRules, describePasswordRules, type AccountPolicy } from './policy/index.js';
export { SessionStore, type SessionSettings } from './SessionStore.js';
export { enrolmentRequired, isTwoFactorLevel, PRODUCTION_TWO_FACTOR_LEVELS, TwoFactorPolicy, TwoFactorService, TwoFactorStore } from './twoFactor/index.js';
