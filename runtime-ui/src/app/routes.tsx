import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import type { MenuItem } from '../api';
import { findMenuItem, PROFILE_PATH } from './layout';
import { pageRegistry } from './navigation';
import { HomePage } from './pages/HomePage';
import { NoAccessPage } from './pages/NoAccessPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { matchPath } from './router';

/** Loaded on first use: the form renderer (rjsf, ajv) is not needed for the login page. */
const RecordListPage = lazy(() => import('./records').then((m) => ({ default: m.RecordListPage })));
const ProfilePage = lazy(() => import('./profile').then((m) => ({ default: m.ProfilePage })));

export interface RouteContext {
  params: Record<string, string>;
  menu: readonly MenuItem[];
}

interface Route {
  pattern: string;
  render(context: RouteContext): ReactNode;
}

const loading = (page: ReactNode) => <Suspense fallback={<Spin />}>{page}</Suspense>;

/** One route per registered page: shown when the menu holds its key (with the actions granted there). */
const registeredRoutes: Route[] = Object.entries(pageRegistry).map(([key, { path, Page }]) => ({
  pattern: path,
  render: ({ menu }) => {
    const item = findMenuItem(menu, (i) => i.key === key)?.item;
    return item ? loading(<Page key={key} actions={item.actions} />) : <NoAccessPage />;
  },
}));

/** The pages inside the main layout, by path pattern (first match wins). */
export const routes: readonly Route[] = [
  { pattern: '/', render: ({ menu }) => <HomePage menu={menu} /> },
  { pattern: PROFILE_PATH, render: () => loading(<ProfilePage />) },
  ...registeredRoutes,
  {
    pattern: '/data/:entity',
    render: ({ params, menu }) => {
      const item = findMenuItem(menu, (i) => i.entity === params.entity)?.item;
      return loading(<RecordListPage key={params.entity} entity={params.entity!} actions={item?.actions ?? []} />);
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
