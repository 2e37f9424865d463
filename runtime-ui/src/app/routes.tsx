import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import type { MenuItem } from '../api';
import { findMenuItem, PROFILE_PATH } from './layout';
import { pageRegistry } from './navigation';
import { HomePage } from './pages/HomePage';
import { NoAccessPage } from './pages/NoAccessPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { matchPath } from './router';

/**
 * Loaded on first use: the form renderer (rjsf, ajv) is not needed for the login page. An entity's
 * page is its flat list, or the view its definition asks for (`ui:view`).
 */
const EntityPage = lazy(() => import('./entityViews').then((m) => ({ default: m.EntityPage })));
const ProfilePage = lazy(() => import('./profile').then((m) => ({ default: m.ProfilePage })));
const MobileLocationPage = lazy(() => import('./location').then((m) => ({ default: m.MobileLocationPage })));
const AttachmentBatchPage = lazy(() => import('./attachmentBatch').then((m) => ({ default: m.AttachmentBatchPage })));

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
      return loading(<EntityPage key={params.entity} entity={params.entity!} actions={item?.actions ?? []} />);
    },
  },
  {
    // 批量导入附件信息 of an entity declaring `attachmentBatch`, with the actions of the entity's menu item.
    pattern: '/data/:entity/attachment-batch',
    render: ({ params, menu }) => {
      const item = findMenuItem(menu, (i) => i.entity === params.entity)?.item;
      if (!item) return <NoAccessPage />;
      return loading(<AttachmentBatchPage key={params.entity} entity={params.entity!} actions={item.actions} from={item.title} />);
    },
  },
];

/** Pages anyone may open without logging in, outside the main layout (a phone that scanned a QR code). */
export const publicRoutes: readonly Route[] = [
  { pattern: '/m/location/:token', render: ({ params }) => loading(<MobileLocationPage token={params.token!} />) },
];

function firstMatch(list: readonly Route[], path: string, menu: readonly MenuItem[]): ReactNode | undefined {
  for (const route of list) {
    const params = matchPath(route.pattern, path);
    if (params) return route.render({ params, menu });
  }
  return undefined;
}

/** The public page at `path`, or undefined when the path needs a session. */
export function renderPublicRoute(path: string): ReactNode | undefined {
  return firstMatch(publicRoutes, path, []);
}

export function renderRoute(path: string, menu: readonly MenuItem[]): ReactNode {
  return firstMatch(routes, path, menu) ?? <NotFoundPage />;
}
