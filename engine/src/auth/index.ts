export { AuthService, usernameKey, type Principal, type UserView } from './AuthService.js';
export { checkPasswordPolicy, guidePolicy, type PasswordPolicy } from './passwordPolicy.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { SessionStore, type SessionSettings } from './SessionStore.js';
