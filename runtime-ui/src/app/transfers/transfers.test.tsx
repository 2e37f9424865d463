import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransferDetail } from '../../api';
import { registerTaskForms } from '../taskForms';
import { TasksPage } from '../tasks';
import { OPEN, page, task, taskEngine, type Handler } from '../tasks/tasksTestKit';
import { TransferApplyPage } from './ApplyPage';
import { ApplyForm } from './ApplyForm';
import { TransfersOutPage } from './TransferListPages';

afterEach(cleanup);

const transfer = (fields: Partial<TransferDetail> = {}): TransferDetail => ({
  id: 'tr1', personId: 'p1', personName: '张三', documentType: '01', idNumber: '420102199005171230', fromOrgId: 'o1', toOrgId: 'o2',
  departmentId: 'd2', reason: '工作调动', status: 'pending', message: null, outcome: null, instanceId: 'i1', requestedBy: 'a2',
  createdAt: '2026-11-25T02:30:00.000Z', updatedAt: '2026-11-25T02:30:00.000Z', decidedAt: null, fromOrgName: '江岸区人民医院',
  toOrgName: '江岸区中心医院', departmentName: '外科', stage: 'review', mine: true, events: [], people: {}, personHistory: [], reviseTaskId: null, ...fields,
});

/** The engine answers the pages' reads; `more` answers the rest. */
const engineWith = (more: Handler) => taskEngine((request, sent) => {
  if (request.url.startsWith('/api/dictionaries/documentType')) {
    return { status: 200, body: { key: 'documentType', items: [{ code: '01', label: '居民身份证', enabled: true }] } };
  }
  if (request.url.startsWith('/api/data/department')) {
    return { status: 200, body: { items: [{ id: 'd2', version: 1, data: { name: '外科' } }, { id: 'd3', version: 1, data: { name: '儿科' } }], total: 2 } };
  }
  if (request.url === '/api/entities') return { status: 200, body: [] };
  return more(request, sent);
});

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('人员变动管理', () => {
  it('调入申请: finds the person, names their institution, and applies with department and reason', async () => {
    const engine = engineWith((request) => {
      if (request.url === '/api/transfers/lookup') {
        return (request.body as { name: string }).name === '张三'
          ? { status: 200, body: { person: { name: '张三', documentType: '01', idNumber: '420102199005171230', orgId: 'o1', orgName: '江岸区人民医院' } } }
          : { status: 404, body: { errors: [{ code: 'NOT_FOUND', message: '没有找到姓名、证件类型和证件号码都一致的人员。' }] } };
      }
      if (request.url === '/api/transfers' && request.method === 'POST') return { status: 201, body: { transfer: transfer() } };
      return undefined;
    });
    let applied = 0;
    render(<ApplyForm onApplied={() => { applied += 1; }} />, { wrapper: engine.wrapper });
    fill('姓名', '张叁');
    fill('证件号码', '420102199005171230');
    fireEvent.click(screen.getByRole('button', { name: '查找人员' }));
    await screen.findByText('没有找到姓名、证件类型和证件号码都一致的人员。');
    expect((screen.getByRole('button', { name: '提交申请' }) as HTMLButtonElement).disabled).toBe(true);
    fill('姓名', '张三');
    fireEvent.click(screen.getByRole('button', { name: '查找人员' }));
    await screen.findByText('已找到：张三，现登记在「江岸区人民医院」');
    fireEvent.mouseDown(screen.getByLabelText('调入部门'));
    fireEvent.click(await screen.findByTitle('外科'));
    fill('调入理由', '工作调动');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(engine.count('POST', '/api/transfers')).toBe(1));
    expect(engine.sent.find((s) => s.url === '/api/transfers')?.body).toEqual({ name: '张三', documentType: '01',
      idNumber: '420102199005171230', departmentId: 'd2', reason: '工作调动' });
    await waitFor(() => expect(applied).toBe(1));
  }, 60_000);

  it('调入申请: the institution\'s own applications offer 修改后重新提交 when sent back, and 撤回 while pending', async () => {
    const engine = engineWith((request) => {
      if (request.url.startsWith('/api/transfers/in')) {
        return { status: 200, body: { items: [transfer({ stage: 'revise' }), transfer({ id: 'tr2', mine: false, personName: '李四' })], total: 2 } };
      }
      return undefined;
    });
    render(<TransferApplyPage actions={[]} />, { wrapper: engine.wrapper });
    const table = await screen.findByTestId('transfers-in');
    await within(table).findByText('已退回，待修改');
    expect(within(table).getAllByRole('button', { name: '修改后重新提交' })).toHaveLength(1);
    expect(within(table).getAllByRole('button', { name: '撤回' })).toHaveLength(1); // not for another clerk's application
  }, 60_000);

  it('人员调出: says how many applications await this institution\'s review, in its own words', async () => {
    const engine = engineWith((request) => (request.url.startsWith('/api/transfers/out')
      ? { status: 200, body: { items: [transfer(), transfer({ id: 'tr2', status: 'approved', stage: null })], total: 2 } } : undefined));
    render(<TransfersOutPage actions={[]} />, { wrapper: engine.wrapper });
    await screen.findByText('有 1 份调入申请等待本单位审核');
    const table = await screen.findByTestId('transfers-out');
    await within(table).findByText('待本单位审核');
    expect(within(table).getByText('已调入')).toBeTruthy();
  });

  it('the applicant\'s revision task sends the department and reason with 重新提交, and refuses it without a reason', async () => {
    registerTaskForms();
    const revise = task({ processKey: 'personTransfer', businessKey: 'tr1', name: '申请单位修改后重新提交',
      form: { view: 'transferRevise', entity: 'person' }, outcomes: ['resubmit', 'withdraw'] });
    const engine = engineWith((request) => {
      if (request.url === OPEN) return page(revise);
      if (request.url === '/api/transfers/tr1') return { status: 200, body: { transfer: transfer({ stage: 'revise' }) } };
      if (request.url === '/api/tasks/t1/complete') return { status: 200, body: { task: { ...revise, status: 'done', outcome: 'resubmit' } } };
      if (request.url === '/api/workflow/instances/i1/history') return { status: 200, body: { instance: {}, events: [], people: {} } };
      return undefined;
    });
    render(<TasksPage actions={[]} />, { wrapper: engine.wrapper });
    fireEvent.click(await within(await screen.findByTestId('task-table')).findByRole('button', { name: '处理' }));
    const drawer = await screen.findByTestId('task-drawer');
    await within(drawer).findByText('江岸区中心医院');
    fireEvent.change(within(drawer).getByLabelText('调入理由'), { target: { value: ' ' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '重新提交' }));
    await within(drawer).findByText('请选择调入部门并填写调入理由后再重新提交。');
    expect(engine.count('POST', '/api/tasks/t1/complete')).toBe(0);
    fireEvent.change(within(drawer).getByLabelText('调入理由'), { target: { value: '调入外科住院医师岗位' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '重新提交' }));
    await waitFor(() => expect(engine.count('POST', '/api/tasks/t1/complete')).toBe(1));
    expect(engine.sent.find((s) => s.url === '/api/tasks/t1/complete')?.body).toEqual({ outcome: 'resubmit', comment: '',
      data: { departmentId: 'd2', reason: '调入外科住院医师岗位' } });
  }, 60_000);
});
