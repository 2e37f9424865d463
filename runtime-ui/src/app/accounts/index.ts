export { AccountsPage } from './AccountsPage';
export { accountFieldErrors, toCreateInput, toPasswordReset, toUpdateInput } from './accountForm';
export { managesBelow, rowActions, type RowAction, type RowContext } from './accountRules';
