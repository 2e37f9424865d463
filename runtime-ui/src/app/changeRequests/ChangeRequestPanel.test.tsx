import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { taskEngine, type Reply } from '../tasks/tasksTestKit';
import { ChangeRequestPanel } from './ChangeRequestPanel';
import { changeRequest, definition, record } from './testKit';

const MINE = '/api/change-requests/institution';
const list = (...items: unknown[]): Reply => ({ status: 200, body: { items, total: items.length } });

function show(pages: Reply[], replies: Record<string, Reply> = {}) {
  const engine = taskEngine((request, sent) => {
    if (request.method === 'GET' && request.url === MINE) {
      return pages[Math.min(sent.filter((s) => s.method === 'GET' && s.url === MINE).length - 1, pages.length - 1)];
    }
    return replies[`${request.method} ${request.url}`];
  });
  render(<ChangeRequestPanel definition={definition} record={record} canRequest />, { wrapper: engine.wrapper });
  return engine;
}

async function openForm() {
  fireEvent.click(await screen.findByRole('button', { name: '申请修改主体信息' }));
  return screen.findByRole('dialog');
}

describe('主体信息修改申请 on 机构信息维护', () => {
  it('申请修改主体信息 opens the read-only fields with their current values and sends the proposal with its reason', async () => {
    const engine = show([list(), list(changeRequest())], { [`POST ${MINE}`]: { status: 201, body: { request: changeRequest() } } });
    const dialog = await openForm();
    expect((within(dialog).getByLabelText(/机构名称/) as HTMLInputElement).value).toBe('江岸区人民医院');
    expect(within(dialog).queryByLabelText(/联系电话/)).toBeNull();
    expect(within(dialog).queryByText('主体信息，如需修改请提交申请')).toBeNull();
    fireEvent.change(within(dialog).getByLabelText(/法定代表人/), { target: { value: '赵六' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '提交申请' }));
    await within(dialog).findByText('请填写修改原因（不超过 500 字），便于上级审核。');
    expect(engine.count('POST', MINE)).toBe(0);

    fireEvent.change(within(dialog).getByLabelText('修改原因'), { target: { value: ' 法定代表人变更 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(engine.count('POST', MINE)).toBe(1));
    expect(engine.sent.find((s) => s.method === 'POST')?.body).toEqual({ reason: '法定代表人变更',
      data: { name: '江岸区人民医院', creditCode: '12420102MB00000016', legalRepresentative: '赵六' } });
    const pending = await screen.findByTestId('pending-change-request');
    expect(within(pending).getByText('待审核')).toBeTruthy();
    expect(within(pending).getAllByTestId('changed-value').map((e) => e.textContent)).toEqual(['赵六']);
    expect(screen.queryByRole('button', { name: '申请修改主体信息' })).toBeNull();
  });

  it('shows the server\'s refusal under the field it concerns and keeps the dialog open', async () => {
    const refusal: Reply = { status: 422, body: { errors: [{ code: 'format', path: '/creditCode', message: '统一社会信用代码校验位不正确' }] } };
    show([list()], { [`POST ${MINE}`]: refusal });
    const dialog = await openForm();
    fireEvent.change(within(dialog).getByLabelText('修改原因'), { target: { value: '证照更新' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '提交申请' }));
    await within(dialog).findByText('统一社会信用代码校验位不正确');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('sent back: shows the bureau\'s reason, revises with the proposal prefilled (PUT), or withdraws', async () => {
    const sentBack = changeRequest({ sentBack: true, reviewComment: '请附任命文件' });
    const engine = show([list(sentBack), list(changeRequest()), list(changeRequest({ status: 'withdrawn', withdrawable: false }))], {
      'PUT /api/change-requests/cr1': { status: 200, body: { request: changeRequest() } },
      'POST /api/change-requests/cr1/withdraw': { status: 200, body: { request: changeRequest({ status: 'withdrawn' }) } },
    });
    const pending = await screen.findByTestId('pending-change-request');
    expect(within(pending).getByText('退回原因：请附任命文件')).toBeTruthy();
    expect(within(pending).getByText('已退回待修改')).toBeTruthy();
    fireEvent.click(within(pending).getByRole('button', { name: '修改后重新提交' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText(/法定代表人/) as HTMLInputElement).value).toBe('赵六');
    expect((within(dialog).getByLabelText('修改原因') as HTMLTextAreaElement).value).toBe('法定代表人变更');
    fireEvent.click(within(dialog).getByRole('button', { name: '重新提交' }));
    await waitFor(() => expect(engine.count('PUT', '/api/change-requests/cr1')).toBe(1));
    await waitFor(() => expect(screen.getByTestId('pending-change-request').textContent).not.toContain('退回原因'));

    fireEvent.click(within(screen.getByTestId('pending-change-request')).getByRole('button', { name: '撤回' }));
    await waitFor(() => expect(document.querySelector('.ant-popconfirm')).not.toBeNull());
    fireEvent.click(within(document.querySelector<HTMLElement>('.ant-popconfirm')!).getByRole('button', { name: '撤回' }));
    await waitFor(() => expect(engine.count('POST', '/api/change-requests/cr1/withdraw')).toBe(1));
    const table = screen.getByTestId('change-request-table');
    await within(table).findByText('已撤回');
    expect(within(table).getByText('法定代表人：王五 → 赵六')).toBeTruthy();
  });
});
