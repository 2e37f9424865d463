import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { taskEngine } from '../tasks/tasksTestKit';
import { AcceptedListPage } from './AcceptedListPage';

afterEach(cleanup);

const accepted = (personId: string, orgId: string, orgName: string, name: string) => ({ personId, orgId, orgName,
  snapshot: { name, sex: '女', documentType: '居民身份证', idNumber: `4201021990051712${personId}`, birthDate: null, mobile: null,
    department: '内科', candidateType: '应届', probation: ['2023-07-01 至 2024-06-30'] },
  submittedAt: '2026-11-20T02:00:00.000Z', acceptedAt: '2026-11-25T02:30:00.000Z' });

function show(actions: string[]) {
  const engine = taskEngine((request) => {
    if (request.url === '/api/rulesets/probation') return { status: 200, body: { items: [{ content: { appliesTo: { examYear: 2024 } } }] } };
    if (request.url.startsWith('/api/pre-registration/2024/accepted')) {
      const filtered = request.url.includes('orgId=o2');
      const items = filtered ? [accepted('p2', 'o2', '江岸区中心医院', '周中')]
        : [accepted('p1', 'o1', '江岸区人民医院', '王一'), accepted('p2', 'o2', '江岸区中心医院', '周中')];
      return { status: 200, body: { items, total: items.length, institutions: [{ id: 'o1', name: '江岸区人民医院', count: 1 },
        { id: 'o2', name: '江岸区中心医院', count: 1 }] } };
    }
    return undefined;
  });
  render(<AcceptedListPage actions={actions as never} />, { wrapper: engine.wrapper });
  return engine;
}

describe('预报名审核结果', () => {
  it('lists the accepted candidates, filters by institution, and exports as filtered', async () => {
    const engine = show(['export']);
    const table = await screen.findByTestId('accepted-table');
    await within(table).findByText('王一');
    expect(within(table).getAllByText('2023-07-01 至 2024-06-30')).toHaveLength(2);
    fireEvent.mouseDown(screen.getByLabelText('机构'));
    fireEvent.click(await screen.findByText('江岸区中心医院（1）'));
    await waitFor(() => expect(engine.sent.some((s) => s.url.includes('orgId=o2'))).toBe(true));
    await waitFor(() => expect(within(table).queryByText('王一')).toBeNull());
    expect(screen.getByRole('link', { name: /导出/ }).getAttribute('href')).toBe('/api/pre-registration/2024/accepted/export?orgId=o2');
  });

  it('has no export without the permission', async () => {
    show([]);
    await within(await screen.findByTestId('accepted-table')).findByText('王一');
    expect(screen.queryByRole('link', { name: /导出/ })).toBeNull();
  });
});
