export { MainLayout } from './MainLayout';
export { MenuBadgesContext, useMenuBadgeCounts, useMenuBadges, type MenuBadges } from './menuBadges';
export { findMenuItem, leafItems } from './menuTree';
export { PROFILE_PATH } from './UserMenu';
