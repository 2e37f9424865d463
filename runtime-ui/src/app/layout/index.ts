export { MainLayout } from './MainLayout';
export { findMenuItem, leafItems } from './menuTree';
