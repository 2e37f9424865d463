import { fireEvent, render, waitFor, within } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { registerTaskForm, type TaskFormProps } from './taskForms';
import { TasksPage } from './TasksPage';
import { OPEN, openTaskDrawer as openTask, page, task, taskEngine } from './tasksTestKit';

/** A view that sets data for the completion and refuses 退回修改 without a per-item choice. */
function PickBody({ task: shown, editable, onData }: TaskFormProps) {
  useEffect(() => onData({ picked: ['p1'] }), [onData]);
  return <p>专用视图：{shown.businessKey}{editable ? '（可编辑）' : ''}</p>;
}
registerTaskForm('testPick', {
  Body: PickBody,
  check: (outcome, data) => (outcome === 'sendBack' && !data?.reason ? '请为退回的考生填写原因。' : undefined),
});

function show() {
  const engine = taskEngine((request) => {
    if (request.url === OPEN) return page(task({ form: { view: 'testPick' }, outcomes: ['approve', 'sendBack'] }));
    if (request.url === '/api/tasks/t1/complete') return { status: 200, body: { task: task({ status: 'done', outcome: 'approve' }) } };
    if (request.url === '/api/workflow/instances/i1/history') return { status: 200, body: { instance: {}, events: [] } };
    return undefined;
  });
  render(<TasksPage actions={[]} />, { wrapper: engine.wrapper });
  return engine;
}

describe('task form views', () => {
  it('shows the registered view instead of the raw data and sends the data it set with the outcome', async () => {
    const engine = show();
    const drawer = await openTask();
    await within(drawer).findByText('专用视图：jarmyrsk01（可编辑）');
    expect(within(drawer).queryByText('手机号码')).toBeNull();
    fireEvent.click(within(drawer).getByRole('button', { name: '同意' }));
    await waitFor(() => expect(engine.count('POST', '/api/tasks/t1/complete')).toBe(1));
    expect(engine.sent.find((s) => s.url === '/api/tasks/t1/complete')?.body).toEqual({ outcome: 'approve', comment: '', data: { picked: ['p1'] } });
  });

  it("refuses in the view's words what its check refuses, sending nothing", async () => {
    const engine = show();
    const drawer = await openTask();
    fireEvent.change(within(drawer).getByLabelText('意见'), { target: { value: '资料不全' } });
    fireEvent.click(await within(drawer).findByRole('button', { name: '退回修改' }));
    await within(drawer).findByText('请为退回的考生填写原因。');
    expect(engine.count('POST', '/api/tasks/t1/complete')).toBe(0);
  });
});
