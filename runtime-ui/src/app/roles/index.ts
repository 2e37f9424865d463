export { RolesPage } from './RolesPage';
export { allKeys, checkedForEdit, keysToSave, toTreeData } from './permissionTree';
export { toRoleInput, roleFieldErrors } from './roleForm';
