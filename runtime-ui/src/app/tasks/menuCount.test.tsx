import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MenuItem, Session, Task } from '../../api';
import { MainLayout } from '../layout';
import { SessionProvider, useSession } from '../session';
import { TasksPage } from './TasksPage';
import { OPEN, page, task, taskEngine, type Reply } from './tasksTestKit';

afterEach(cleanup);

const session: Session = {
  user: { id: 'a-main', username: 'jarmyy001', nickname: '总账号', orgId: 'o1', orgName: '嘉兴市第一医院', orgLevel: 'institution',
    roles: ['main'], roleNames: ['总账号'], permissions: ['tasks'], realNameStatus: 'approved' },
  mustChangePassword: false, csrfToken: 'csrf',
};
const menu = (...items: MenuItem[]): Reply => ({ status: 200, body: { items } });
const tasksItem: MenuItem = { key: 'tasks', title: '待办审批', icon: 'audit', actions: [], children: [] };
const auditItem: MenuItem = { key: 'system.audit', title: '审计日志', actions: [], children: [] };

function Shell() {
  const { state } = useSession();
  if (state.status !== 'active') return null;
  return <MainLayout path="/tasks" render={() => <TasksPage actions={[]} />} />;
}

/** An engine holding the open tasks; completing one removes it. */
function start(menuReply: Reply, tasks: Task[]) {
  let open = tasks;
  const engine = taskEngine((request) => {
    if (request.url === '/api/auth/me') return { status: 200, body: session };
    if (request.url === '/api/menu') return menuReply;
    if (request.url === OPEN) return page(...open);
    const completed = /^\/api\/tasks\/(\w+)\/complete$/.exec(request.url)?.[1];
    if (completed) {
      open = open.filter((t) => t.id !== completed);
      return { status: 200, body: { task: task({ id: completed, status: 'done', outcome: 'approve' }) } };
    }
    if (request.url === '/api/workflow/instances/i1/history') return { status: 200, body: { instance: {}, events: [] } };
    return undefined;
  });
  render(<SessionProvider><Shell /></SessionProvider>, { wrapper: engine.wrapper });
  return engine;
}

describe('the count of open tasks in the menu', () => {
  it('shows the number of open tasks on 待办审批 and reads it again after a task is completed', async () => {
    const engine = start(menu(tasksItem, auditItem), [task(), task({ id: 't2' })]);
    const menuBar = await screen.findByTestId('side-menu');
    expect((await within(menuBar).findByTitle('待办审批：2 项')).textContent).toContain('2');
    expect(within(menuBar).getByText('审计日志').closest('li')?.querySelector('.ant-badge')).toBeNull();

    const table = await screen.findByTestId('task-table');
    await waitFor(() => expect(within(table).getAllByText('处理')).toHaveLength(2));
    fireEvent.click(within(table).getAllByText('处理')[0]!);
    const drawer = await screen.findByTestId('task-drawer');
    fireEvent.click(within(drawer).getByText('同意'));
    await within(menuBar).findByTitle('待办审批：1 项');
    // The layout's read on mount, the page's, then both again after the completion.
    expect(engine.count('GET', OPEN)).toBe(4);
  });

  it('given no open task, then no number is shown', async () => {
    start(menu(tasksItem), []);
    const menuBar = await screen.findByTestId('side-menu');
    await screen.findByText('没有待处理的审批。有新的申请需要您审批时会显示在这里。');
    expect(within(menuBar).getByText('待办审批').closest('li')?.querySelector('.ant-badge')).toBeNull();
  });

  it('given a menu without 待办审批, then the tasks are not read for the menu', async () => {
    const engine = start(menu(auditItem), [task()]);
    await screen.findByTestId('side-menu');
    await within(await screen.findByTestId('task-table')).findByText('实名认证审核');
    expect(engine.count('GET', OPEN)).toBe(1); // the page's own read only
  });
});
