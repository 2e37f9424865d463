import { lazy, type ComponentType } from 'react';
import type { MenuAction, RuntimeApi } from '../../api';

/** What a registered page receives: the actions the menu grants on it. */
export interface PageProps {
  actions: readonly MenuAction[];
}

export interface RegisteredPage {
  path: string;
  Page: ComponentType<PageProps>;
  /** A number shown next to the menu item (e.g. open tasks); 0 shows none. */
  badge?: (api: RuntimeApi) => Promise<number>;
}

const RolesPage = lazy(() => import('../roles').then((m) => ({ default: m.RolesPage })));
const AccountsPage = lazy(() => import('../accounts').then((m) => ({ default: m.AccountsPage })));
const AuditPage = lazy(() => import('../audit').then((m) => ({ default: m.AuditPage })));
const ImportJobsPage = lazy(() => import('../imports').then((m) => ({ default: m.ImportJobsPage })));
const TasksPage = lazy(() => import('../tasks').then((m) => ({ default: m.TasksPage })));
const PreRegistrationPage = lazy(() => import('../preRegistration').then((m) => ({ default: m.PreRegistrationPage })));
const AcceptedListPage = lazy(() => import('../preRegistration').then((m) => ({ default: m.AcceptedListPage })));
const TransfersOutPage = lazy(() => import('../transfers').then((m) => ({ default: m.TransfersOutPage })));
const TransfersInPage = lazy(() => import('../transfers').then((m) => ({ default: m.TransfersInPage })));
const TransferApplyPage = lazy(() => import('../transfers').then((m) => ({ default: m.TransferApplyPage })));

/**
 * Menu items without an entity that open a page of this app, by menu key. Add a page here (not
 * in a switch): the side menu, the home page and the router all read this registry. Pages load
 * on first use.
 */
export const pageRegistry: Readonly<Record<string, RegisteredPage>> = {
  'system.role': { path: '/system/roles', Page: RolesPage },
  'system.account': { path: '/system/accounts', Page: AccountsPage },
  'system.audit': { path: '/system/audit', Page: AuditPage },
  'hr.importJobs': { path: '/hr/import-jobs', Page: ImportJobsPage },
  tasks: { path: '/tasks', Page: TasksPage, badge: async (api) => (await api.tasks.list('open')).total },
  'exam.submit': { path: '/exam/pre-registration', Page: PreRegistrationPage },
  'exam.accepted': { path: '/exam/accepted', Page: AcceptedListPage },
  'hr.transferOut': { path: '/hr/transfers/out', Page: TransfersOutPage },
  'hr.transferIn': { path: '/hr/transfers/in', Page: TransfersInPage },
  'hr.transferApply': { path: '/hr/transfers/apply', Page: TransferApplyPage },
};
