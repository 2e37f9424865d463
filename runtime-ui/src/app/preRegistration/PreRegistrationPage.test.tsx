import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CandidateView, SubmissionView } from '../../api';
import { taskEngine, type Reply } from '../tasks/tasksTestKit';
import { PreRegistrationPage } from './PreRegistrationPage';

afterEach(cleanup);

const LIST = '/api/pre-registration/2024/candidates';
const SUBMIT = '/api/pre-registration/2024/submissions';

const candidate = (personId: string, name: string, fields: Partial<CandidateView> = {}): CandidateView => ({
  personId, name, idNumber: `42010219900517${personId}`, readiness: { ready: true, reasons: [] }, status: 'none', statusLabel: '未上报',
  returnReason: null, submissionId: null, ...fields,
});
const batch: SubmissionView = { id: 's1', orgId: 'o1', examYear: 2024, status: 'reviewing', statusLabel: '审核中', count: 1, instanceId: 'i1',
  submittedBy: 'a1', createdAt: '2026-11-25T02:30:00.000Z', decidedAt: null, decidedBy: null, reason: null };
const list = (items: CandidateView[], submissions: SubmissionView[] = []): Reply =>
  ({ status: 200, body: { examYear: 2024, items, total: items.length, submissions } });

const first = list([
  candidate('p1', '王一'),
  candidate('p2', '赵缺', { readiness: { ready: false, reasons: [{ code: 'PROBATION_MISSING', message: '没有 2024 年度的试用期信息：请在「试用期填报」中为该人员填写 2024 年度的试用期。' }] } }),
  candidate('p3', '李退', { status: 'returned', statusLabel: '已退回', returnReason: '扫描件不清晰', submissionId: 's0' }),
]);

function show(actions: string[], replies: { submit?: Reply; lists?: Reply[] } = {}) {
  const engine = taskEngine((request, sent) => {
    if (request.url === '/api/rulesets/probation') return { status: 200, body: { items: [{ key: 'probation-2024', version: 1, content: { appliesTo: { entity: 'probation', examYear: 2024 } } }] } };
    const lists = replies.lists ?? [first];
    if (request.url === LIST) return lists[Math.min(sent.filter((s) => s.url === LIST).length - 1, lists.length - 1)];
    if (request.url === SUBMIT) return replies.submit;
    if (request.url === '/api/pre-registration/submissions/s1/withdraw') return { status: 200, body: { submission: { ...batch, status: 'withdrawn' } } };
    return undefined;
  });
  render(<PreRegistrationPage actions={actions as never} />, { wrapper: engine.wrapper });
  return engine;
}

describe('预报名上报', () => {
  it('shows readiness with every reason and the status with the return reason, for the year with published rules', async () => {
    show(['create']);
    const table = await screen.findByTestId('candidate-table');
    await within(table).findByText('王一');
    expect(within(table).getByText('没有 2024 年度的试用期信息：请在「试用期填报」中为该人员填写 2024 年度的试用期。')).toBeTruthy();
    expect(within(table).getByText('退回原因：扫描件不清晰')).toBeTruthy();
    expect((within(table).getByLabelText('选择赵缺') as HTMLInputElement).disabled).toBe(true);
    expect((within(table).getByLabelText('选择李退') as HTMLInputElement).disabled).toBe(false);
  });

  it('submits the selected ready candidates after confirmation', async () => {
    const engine = show(['create'], { submit: { status: 201, body: { submission: batch } },
      lists: [first, list([candidate('p1', '王一', { status: 'reviewing', statusLabel: '审核中', submissionId: 's1' })], [batch])] });
    const table = await screen.findByTestId('candidate-table');
    fireEvent.click(await within(table).findByLabelText('选择王一'));
    fireEvent.click(screen.getByRole('button', { name: /上报所选考生（1）/ }));
    fireEvent.click(await screen.findByRole('button', { name: '确认上报' }));
    await waitFor(() => expect(engine.count('POST', SUBMIT)).toBe(1));
    expect(engine.sent.find((s) => s.url === SUBMIT)?.body).toEqual({ personIds: ['p1'] });
    await within(await screen.findByTestId('submission-table')).findByText('审核中');
  });

  it('lists each refusal of the server (one per person) and keeps the selection to fix', async () => {
    show(['create'], { submit: { status: 422, body: { errors: [{ code: 'CANDIDATE_NOT_READY', message: '「王一」暂不能上报：尚未填写「学历信息」。' }] } } });
    const table = await screen.findByTestId('candidate-table');
    fireEvent.click(await within(table).findByLabelText('选择王一'));
    fireEvent.click(screen.getByRole('button', { name: /上报所选考生（1）/ }));
    fireEvent.click(await screen.findByRole('button', { name: '确认上报' }));
    expect(await screen.findByText('「王一」暂不能上报：尚未填写「学历信息」。')).toBeTruthy();
  });

  it('withdraws a batch under review after confirmation; without the permission there is no 上报 nor 撤回', async () => {
    const engine = show(['create'], { lists: [list([candidate('p1', '王一')], [batch])] });
    fireEvent.click(await within(await screen.findByTestId('submission-table')).findByRole('button', { name: '撤回' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认撤回' }));
    await waitFor(() => expect(engine.count('POST', '/api/pre-registration/submissions/s1/withdraw')).toBe(1));
    cleanup();
    show([], { lists: [list([candidate('p1', '王一')], [batch])] });
    await within(await screen.findByTestId('submission-table')).findByText('审核中');
    expect(screen.queryByRole('button', { name: '撤回' })).toBeNull();
    expect(screen.queryByRole('button', { name: /上报所选考生/ })).toBeNull();
  });
});
