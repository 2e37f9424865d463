import type { MenuItem } from '../../api';
import { findMenuItem } from '../layout/menuTree';
import { entityPath } from '../router';
import { pageRegistry } from './pageRegistry';

/** Where a menu item leads: a page of this app (navigate) or another app such as the designer (load). */
export type MenuTarget = { kind: 'page'; path: string } | { kind: 'external'; href: string };

/** Registered page first (by key), then the generic record pages (by entity), then the item's own route. */
export function menuTarget(item: MenuItem): MenuTarget | undefined {
  const page = pageRegistry[item.key];
  if (page) return { kind: 'page', path: page.path };
  if (item.entity) return { kind: 'page', path: entityPath(item.entity) };
  if (item.route) return { kind: 'external', href: item.route };
  return undefined;
}

/** The menu item whose page is at `path` (to highlight it), with the keys of the groups above it. */
export function menuItemAt(items: readonly MenuItem[], path: string) {
  return findMenuItem(items, (item) => {
    const target = menuTarget(item);
    return target?.kind === 'page' && target.path === path;
  });
}

/** Opens a menu item's target: in-app pages through the router, other apps by loading them. */
export function openTarget(target: MenuTarget, navigate: (path: string) => void): void {
  if (target.kind === 'page') navigate(target.path);
  else window.location.assign(target.href);
}
