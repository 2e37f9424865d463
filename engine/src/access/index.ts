export { AccessPolicy } from './AccessPolicy.js';
export type { Actor } from './Actor.js';
export { NetworkPolicy } from './NetworkPolicy.js';
export { PermissionCatalog, type AccessLevel, type Permission, type PermissionAction, type PermissionNode } from './PermissionCatalog.js';
