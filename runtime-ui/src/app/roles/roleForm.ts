import type { ActiveStatus, ApiErrorItem, Role, RoleInput } from '../../api';
import { fieldErrors, type FieldErrors } from '../common';

/** The role form's values (antd Form); `permissions` holds the Tree's checked keys. */
export interface RoleFormValues {
  name: string;
  type?: string;
  order?: number | null;
  status: ActiveStatus;
  description?: string;
  permissions: string[];
}

export type RoleField = keyof RoleFormValues;

export const NEW_ROLE: RoleFormValues = { name: '', status: 'active', permissions: [] };

export function fromRole(role: Role, checked: string[]): RoleFormValues {
  return { name: role.name, type: role.type ?? undefined, order: role.order, status: role.status,
    description: role.description ?? '', permissions: checked };
}

/** The body of `POST/PUT /api/roles`: trimmed, empty optional fields left out. */
export function toRoleInput(values: RoleFormValues): RoleInput {
  const description = values.description?.trim();
  return {
    name: values.name.trim(),
    ...(values.type ? { type: values.type } : {}),
    ...(typeof values.order === 'number' ? { order: values.order } : {}),
    status: values.status,
    ...(description ? { description } : {}),
    permissions: values.permissions,
  };
}

const PATHS: Readonly<Record<string, RoleField>> = {
  '/name': 'name', '/type': 'type', '/order': 'order', '/status': 'status', '/description': 'description',
  '/permissions': 'permissions',
};

export function roleFieldErrors(errors: readonly ApiErrorItem[]): FieldErrors<RoleField> {
  return fieldErrors(errors, PATHS);
}
