import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TasksPage } from './TasksPage';
import { DONE, OPEN, page, task, taskEngine, type Handler, type Reply } from './tasksTestKit';
import { ALREADY_DONE } from './useCompleteTask';

afterEach(cleanup);

const COMPLETE = '/api/tasks/t1/complete';
const HISTORY = '/api/workflow/instances/i1/history';
const history: Reply = { status: 200, body: { instance: { id: 'i1' }, events: [
  { at: '2026-11-25T02:29:00.000Z', type: 'started', nodeId: null, taskId: null, accountId: 'a-sub', outcome: null, comment: null },
  { at: '2026-11-25T02:30:00.000Z', type: 'taskCompleted', nodeId: 'review', taskId: 't0', accountId: 'a-main', outcome: 'sendBack', comment: '照片不清晰' },
  { at: '2026-11-25T02:31:00.000Z', type: 'taskCreated', nodeId: 'review', taskId: 't1', accountId: null, outcome: null, comment: null },
], people: { 'a-main': { nickname: '人事科长', orgName: '江岸区人民医院' } } } };

function show(complete: Handler = () => undefined, openPages: Reply[] = [page(task(), task({ id: 't2', processKey: 'otherFlow', businessKey: null }))]) {
  const engine = taskEngine((request, sent) => {
    if (request.url === OPEN) return openPages[Math.min(sent.filter((s) => s.url === OPEN).length - 1, openPages.length - 1)];
    if (request.url === DONE) return page(task({ status: 'done', outcome: 'sendBack', comment: '请补充证件照片', completedAt: '2026-11-25T03:00:00.000Z' }));
    if (request.url === HISTORY) return history;
    if (request.url === COMPLETE) return complete(request, sent);
    return undefined;
  });
  render(<TasksPage actions={[]} />, { wrapper: engine.wrapper });
  return engine;
}

async function openFirst() {
  const table = await screen.findByTestId('task-table');
  await within(table).findByText('实名认证审核');
  fireEvent.click(within(table).getAllByRole('button', { name: '处理' })[0]!);
  return screen.findByTestId('task-drawer');
}

const completed: Reply = { status: 200, body: { task: task({ status: 'done', outcome: 'approve', comment: '材料齐全' }) } };

describe('待办审批', () => {
  it('lists the open tasks with the process in Chinese (else its key), the task, 业务编号 and Beijing arrival time', async () => {
    show();
    const table = await screen.findByTestId('task-table');
    const rows = await within(table).findAllByRole('row');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['流程', '任务', '业务编号', '到达时间', '操作']);
    expect(rows[1]!.textContent).toContain('实名认证审核审核实名认证jarmyrsk012026-11-25 10:30:00');
    expect(rows[2]!.textContent).toContain('otherFlow');
  });

  it('shows done tasks with 结果 and 意见 under 已办', async () => {
    show();
    await screen.findByText('otherFlow');
    fireEvent.click(screen.getByRole('tab', { name: '已办' }));
    const table = screen.getByTestId('task-table');
    await within(table).findByText('请补充证件照片');
    expect(within(table).getByText('退回')).toBeTruthy();
    expect(within(table).getByRole('button', { name: '查看' })).toBeTruthy();
  });

  it('completes with 同意: posts the outcome and the comment, closes the drawer and reads the list again', async () => {
    const engine = show(() => completed, [page(task()), page()]);
    const drawer = await openFirst();
    expect(within(drawer).getByText('13800138000')).toBeTruthy();
    fireEvent.change(within(drawer).getByLabelText('意见'), { target: { value: ' 材料齐全 ' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '同意' }));
    await waitFor(() => expect(engine.count('GET', OPEN)).toBe(2));
    expect(engine.sent.find((s) => s.url === '/api/tasks/t1/complete')).toMatchObject({ method: 'POST', body: { outcome: 'approve', comment: '材料齐全' } });
    await screen.findByText('没有待处理的审批。有新的申请需要您审批时会显示在这里。');
    await waitFor(() => expect(screen.queryByTestId('task-drawer')).toBeNull());
  });

  it('blocks 不同意 and 退回修改 without a comment, sending nothing', async () => {
    const engine = show(() => completed);
    const drawer = await openFirst();
    fireEvent.click(within(drawer).getByRole('button', { name: '不同意' }));
    expect((await within(drawer).findByRole('alert')).textContent).toContain('请填写意见：选择“不同意”时须写明原因');
    fireEvent.change(within(drawer).getByLabelText('意见'), { target: { value: '   ' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '退回修改' }));
    await within(drawer).findByText(/选择“退回修改”时须写明原因/);
    expect(engine.count('POST', COMPLETE)).toBe(0);
  });

  it('given someone else completed the task first (409), then it says so in the server\'s words and keeps the drawer and the comment', async () => {
    const conflict: Reply = { status: 409, body: { errors: [{ code: 'TASK_DONE', message: '该任务已被处理（可能其他人刚刚审批过），请刷新待办列表。' }] } };
    const engine = show(() => conflict);
    const drawer = await openFirst();
    fireEvent.change(within(drawer).getByLabelText('意见'), { target: { value: '不符合要求' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '不同意' }));
    const alert = await within(drawer).findByRole('alert');
    expect(alert.textContent).toContain(ALREADY_DONE);
    expect(alert.textContent).toContain('可能其他人刚刚审批过');
    expect(engine.sent.find((s) => s.url === COMPLETE)?.body).toEqual({ outcome: 'reject', comment: '不符合要求' });
    expect(screen.getByTestId('task-drawer')).toBeTruthy();
    expect((within(drawer).getByLabelText('意见') as HTMLTextAreaElement).value).toBe('不符合要求');
    expect(engine.count('GET', OPEN)).toBe(1);
  });

  it('shows another refusal (422) in the server\'s words', async () => {
    show(() => ({ status: 422, body: { errors: [{ code: 'NO_FLOW', path: '/outcome', message: '处理结果「approve」在「审核」没有对应的流向，请选择该任务提供的处理结果。' }] } }));
    const drawer = await openFirst();
    fireEvent.click(within(drawer).getByRole('button', { name: '同意' }));
    expect((await within(drawer).findByRole('alert')).textContent).toBe('处理结果「approve」在「审核」没有对应的流向，请选择该任务提供的处理结果。');
  });

  it('shows 流程记录 as a timeline: Beijing time, the event and outcome in Chinese, who (nickname and organisation), the comment', async () => {
    show();
    const drawer = await openFirst();
    const events = await within(drawer).findAllByTestId('history-event');
    expect(events.map((e) => e.textContent)).toEqual([
      '发起申请 · 账号 a-sub',
      '审批：退回修改 · 人事科长（江岸区人民医院）意见：照片不清晰',
      '待审批',
    ]);
    expect(within(drawer).getByText('2026-11-25 10:30:00', { selector: '.ant-timeline *' })).toBeTruthy();
  });
});
