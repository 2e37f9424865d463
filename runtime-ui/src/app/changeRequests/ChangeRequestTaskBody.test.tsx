import { fireEvent, render, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TasksPage } from '../tasks';
import { OPEN, openTaskDrawer as openTask, page, task, taskEngine, type Reply } from '../tasks/tasksTestKit';
import { registerChangeRequestTaskForms } from './index';
import { changeRequest, definition, record } from './testKit';

registerChangeRequestTaskForms();

const COMPLETE = '/api/tasks/t1/complete';
const review = task({ processKey: 'institutionChange', nodeId: 'Task_BureauReview', name: '上级卫生健康局审核', businessKey: 'cr1',
  form: { view: 'changeRequest', entity: 'institution' }, data: { diff: {} } });
const revise = { ...review, nodeId: 'Task_Revise', name: '申请人修改后重新提交', outcomes: ['resubmit', 'withdraw'] };

function show(shown: typeof review, request = changeRequest()) {
  const replies: Record<string, Reply> = {
    '/api/change-requests/cr1': { status: 200, body: { request } },
    '/api/entities/institution': { status: 200, body: definition },
    '/api/data/institution?pageSize=1': { status: 200, body: { items: [record], total: 1 } },
    [COMPLETE]: { status: 200, body: { task: { ...shown, status: 'done', outcome: 'approve' } } },
    '/api/workflow/instances/i1/history': { status: 200, body: { instance: {}, events: [], people: {} } },
  };
  const engine = taskEngine((request) => (request.url === OPEN ? page(shown) : replies[request.url]));
  render(<TasksPage actions={[]} />, { wrapper: engine.wrapper });
  return engine;
}

describe('the changeRequest task view', () => {
  it('the bureau sees 修改前 → 修改后 (the new values highlighted) and the reason, and decides without sending data', async () => {
    const engine = show(review);
    const drawer = await openTask();
    const changes = await within(drawer).findByTestId('field-changes');
    expect(within(changes).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['项目', '修改前', '修改后']);
    expect(within(changes).getAllByRole('row')[1]!.textContent).toBe('法定代表人王五赵六');
    expect(within(changes).getAllByTestId('changed-value').map((e) => e.querySelector('mark')?.textContent)).toEqual(['赵六']);
    expect(within(drawer).getByText('法定代表人变更')).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('button', { name: '同意' }));
    await waitFor(() => expect(engine.count('POST', COMPLETE)).toBe(1));
    expect(engine.sent.find((s) => s.url === COMPLETE)?.body).toEqual({ outcome: 'approve', comment: '' });
  });

  it('sent back, the institution sees why, corrects the proposal and 重新提交 sends it as the revision', async () => {
    const engine = show(revise, changeRequest({ sentBack: true, reviewComment: '请附任命文件' }));
    const drawer = await openTask();
    await within(drawer).findByText('退回原因：请附任命文件');
    const name = await within(drawer).findByLabelText(/法定代表人/);
    expect((name as HTMLInputElement).value).toBe('赵六');
    expect(within(drawer).getByRole('button', { name: '撤回申请' })).toBeTruthy();
    fireEvent.change(within(drawer).getByLabelText('修改原因'), { target: { value: '' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '重新提交' }));
    await within(drawer).findByText('请填写修改原因后再重新提交，便于上级审核。');
    expect(engine.count('POST', COMPLETE)).toBe(0);

    fireEvent.change(name, { target: { value: '赵七' } });
    fireEvent.change(within(drawer).getByLabelText('修改原因'), { target: { value: '已附任命文件' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '重新提交' }));
    await waitFor(() => expect(engine.count('POST', COMPLETE)).toBe(1));
    expect(engine.sent.find((s) => s.url === COMPLETE)?.body).toEqual({ outcome: 'resubmit', comment: '', data: { revision: {
      reason: '已附任命文件', data: { name: '江岸区人民医院', creditCode: '12420102MB00000016', legalRepresentative: '赵七' } } } });
  });
});
