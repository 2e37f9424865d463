export { PasswordChangeForm, type PasswordChangeFormProps } from './PasswordChangeForm';
export { PasswordChangePage } from './PasswordChangePage';
