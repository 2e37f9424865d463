import { useSyncExternalStore } from 'react';

/**
 * The designer's routes live in the hash (`/designer/#/ruleset/probation-2025`), so a reload or a
 * shared link opens the same page whatever the server serves under /designer/.
 */
export type DesignerRoute = { page: 'list'; kind?: string } | { page: 'definition'; kind: string; key: string };

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const currentHash = () => window.location.hash;

export function parseRoute(hash: string): DesignerRoute {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 2) return { page: 'definition', kind: parts[0]!, key: parts[1]! };
  return parts.length === 1 ? { page: 'list', kind: parts[0] } : { page: 'list' };
}

export function routeHash(route: DesignerRoute): string {
  if (route.page === 'definition') return `#/${encodeURIComponent(route.kind)}/${encodeURIComponent(route.key)}`;
  return route.kind ? `#/${encodeURIComponent(route.kind)}` : '#/';
}

export function useRoute(): DesignerRoute {
  return parseRoute(useSyncExternalStore(subscribe, currentHash, () => ''));
}

export function goTo(route: DesignerRoute): void {
  window.location.hash = routeHash(route);
}
