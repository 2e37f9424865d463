export { AccessPolicy } from './AccessPolicy.js';
export type { Actor } from './Actor.js';
export { PermissionCatalog, type AccessLevel, type Permission } from './PermissionCatalog.js';
