import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TasksPage } from '../tasks';
import { OPEN, page, task, taskEngine } from '../tasks/tasksTestKit';
import { registerPreRegistrationTaskForms } from '.';

registerPreRegistrationTaskForms();
afterEach(cleanup);

const COMPLETE = '/api/tasks/t1/complete';
const snapshot = (name: string, idNumber: string) => ({ name, sex: '男', documentType: '居民身份证', idNumber, birthDate: '1990-05-17',
  mobile: '13800138000', department: '内科', candidateType: '非应届', probation: ['2023-01-01 至 2024-01-31'] });
const batch = { submission: { id: 's1', examYear: 2024, count: 2, status: 'reviewing', statusLabel: '审核中' }, items: [
  { personId: 'p1', status: 'reviewing', statusLabel: '审核中', reason: null, snapshot: snapshot('王一', '420102199005171231') },
  { personId: 'p2', status: 'reviewing', statusLabel: '审核中', reason: null, snapshot: snapshot('王二', '420102199005171258') },
] };

function show() {
  const engine = taskEngine((request) => {
    if (request.url === OPEN) {
      return page(task({ processKey: 'preRegistration', name: '区县卫生健康局审核', businessKey: 's1', form: { view: 'candidateList' },
        outcomes: ['approve', 'reject'], data: { examYear: 2024, institution: '江岸区人民医院', count: 2 } }));
    }
    if (request.url === '/api/pre-registration/submissions/s1') return { status: 200, body: batch };
    if (request.url === COMPLETE) return { status: 200, body: { task: task({ status: 'done', outcome: 'approve' }) } };
    if (request.url === '/api/workflow/instances/i1/history') return { status: 200, body: { instance: {}, events: [] } };
    return undefined;
  });
  render(<TasksPage actions={[]} />, { wrapper: engine.wrapper });
  return engine;
}

async function openTask() {
  fireEvent.click(await within(await screen.findByTestId('task-table')).findByRole('button', { name: '处理' }));
  const drawer = await screen.findByTestId('task-drawer');
  await within(drawer).findByText('王一');
  return drawer;
}

describe('the district\'s candidateList task', () => {
  it('shows the batch\'s candidates as submitted and accepts them, returning the ticked one with its reason', async () => {
    const engine = show();
    const drawer = await openTask();
    expect(within(drawer).getByText('江岸区人民医院 · 2024 年度 · 共 2 名考生。如需退回部分考生，请勾选“退回”并填写原因，其余考生在点击“同意”后被接收。')).toBeTruthy();
    fireEvent.click(within(drawer).getByLabelText('退回王二'));
    fireEvent.click(within(drawer).getByRole('button', { name: '同意' }));
    await within(drawer).findByText('有 1 名勾选退回的考生还没有填写退回原因，请填写后再提交。');
    expect(engine.count('POST', COMPLETE)).toBe(0);
    fireEvent.change(within(drawer).getByLabelText('退回王二的原因'), { target: { value: '学历证书扫描件不清晰' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '同意' }));
    await waitFor(() => expect(engine.count('POST', COMPLETE)).toBe(1));
    expect(engine.sent.find((s) => s.url === COMPLETE)?.body).toEqual({ outcome: 'approve', comment: '',
      data: { returns: [{ personId: 'p2', reason: '学历证书扫描件不清晰' }] } });
  });

  it('returns the whole batch only with a reason in 意见', async () => {
    const engine = show();
    const drawer = await openTask();
    fireEvent.click(within(drawer).getByRole('button', { name: '不同意' }));
    await waitFor(() => expect(within(drawer).getByRole('alert').textContent).toMatch(/原因/));
    expect(engine.count('POST', COMPLETE)).toBe(0);
    fireEvent.change(within(drawer).getByLabelText('意见'), { target: { value: '试用期证明材料不全' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '不同意' }));
    await waitFor(() => expect(engine.count('POST', COMPLETE)).toBe(1));
    expect(engine.sent.find((s) => s.url === COMPLETE)?.body).toMatchObject({ outcome: 'reject', comment: '试用期证明材料不全' });
  });
});
