import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import type { MenuItem } from '../api';
import { findMenuItem } from './layout';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { matchPath } from './router';

/** Loaded on first use: the form renderer (rjsf, ajv) is not needed for the login page. */
const RecordListPage = lazy(() => import('./records').then((m) => ({ default: m.RecordListPage })));

export interface RouteContext {
  params: Record<string, string>;
  menu: readonly MenuItem[];
}

/** The pages inside the main layout, by path pattern (first match wins). */
export const routes: ReadonlyArray<{ pattern: string; render(context: RouteContext): ReactNode }> = [
  { pattern: '/', render: ({ menu }) => <HomePage menu={menu} /> },
  {
    pattern: '/data/:entity',
    render: ({ params, menu }) => {
      const item = findMenuItem(menu, (i) => i.entity === params.entity)?.item;
      return (
        <Suspense fallback={<Spin />}>
          <RecordListPage key={params.entity} entity={params.entity!} actions={item?.actions ?? []} />
        </Suspense>
      );
    },
  },
];

export function renderRoute(path: string, menu: readonly MenuItem[]): ReactNode {
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params) return route.render({ params, menu });
  }
  return <NotFoundPage />;
}
