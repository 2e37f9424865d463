import type { ApiErrorItem } from '../../api';
import { fieldErrors, type FieldErrors } from '../common';

export type PasswordField = 'oldPassword' | 'newPassword' | 'confirmPassword';

const PATHS: Readonly<Record<string, PasswordField>> = {
  '/oldPassword': 'oldPassword', '/newPassword': 'newPassword', '/confirmPassword': 'confirmPassword',
};

/** The server's refusals of a password change split by the field they concern (from `path`); the rest stay general. */
export function passwordErrorsByField(errors: readonly ApiErrorItem[]): FieldErrors<PasswordField> {
  return fieldErrors(errors, PATHS);
}
