export type { AccountView } from './AccountQueries.js';
export { AccountService } from './AccountService.js';
export { InputValidator } from './InputValidator.js';
export { RoleService, type RoleView } from './RoleService.js';
export { createMainAccount, type MainAccountInput } from './mainAccounts.js';
