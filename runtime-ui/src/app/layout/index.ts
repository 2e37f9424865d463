export { MainLayout } from './MainLayout';
export { findMenuItem, leafItems } from './menuTree';
export { PROFILE_PATH } from './UserMenu';
