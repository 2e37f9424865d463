export { menuItemAt, menuTarget, openTarget, type MenuTarget } from './menuTargets';
export { pageRegistry, type PageProps, type RegisteredPage } from './pageRegistry';
