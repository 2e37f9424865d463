import { act, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../../api';
import { ImportJobsPage } from './ImportJobsPage';
import { durationText } from './jobLabels';
import { manualClock, scriptedEngine } from './testKit';
import { JOBS_POLL_MS, MAX_JOBS_POLL_FAILURES, useImportJobs } from './useImportJobs';

const JOBS = 'GET /api/imports/jobs?page=1&pageSize=20';
const job = (fields: Partial<ImportJob>): ImportJob => ({
  id: 'j1', entity: 'education', status: 'queued', total: 250, processed: 0, imported: 0, failed: 0,
  createdAt: '2026-11-25T02:00:00.000Z', startedAt: null, finishedAt: null, durationMs: null, message: null, hasReport: false, ...fields,
});
const page = (...items: ImportJob[]) => ({ status: 200, body: { items, total: items.length } });
const running = job({ status: 'running', processed: 100, imported: 99, failed: 1, startedAt: '2026-11-25T02:00:01.000Z' });
const partial = job({ status: 'partial', processed: 250, imported: 248, failed: 2, startedAt: '2026-11-25T02:00:01.000Z',
  finishedAt: '2026-11-25T02:01:06.000Z', durationMs: 65000, hasReport: true });

function polled(answers: Array<{ status: number; body?: unknown }>) {
  const engine = scriptedEngine({ [JOBS]: answers });
  const clock = manualClock();
  const hook = renderHook(() => useImportJobs(engine.services.api.imports, { page: 1, pageSize: 20 }, clock.scheduler));
  const reads = () => engine.calls.filter((c) => `${c.method} ${c.url}` === JOBS).length;
  return { ...engine, clock, hook, reads };
}

describe('useImportJobs', () => {
  it('reads again every 2 s, one read at a time, while a job is queued or running, and stops when none is', async () => {
    const { clock, hook, reads } = polled([page(job({})), page(running), page(partial)]);
    await waitFor(() => expect(hook.result.current.page.items[0]?.status).toBe('queued'));
    expect(hook.result.current.live).toBe(true);
    expect(clock.pending().map((t) => t.ms)).toEqual([JOBS_POLL_MS]);

    await act(async () => clock.tick());
    await waitFor(() => expect(hook.result.current.page.items[0]?.processed).toBe(100));
    expect(clock.pending()).toHaveLength(1);

    await act(async () => clock.tick());
    await waitFor(() => expect(hook.result.current.page.items[0]?.status).toBe('partial'));
    expect(hook.result.current.live).toBe(false);
    expect(clock.pending()).toHaveLength(0);
    expect(reads()).toBe(3);
  });

  it('given no active job, then it reads once and schedules nothing', async () => {
    const { clock, hook, reads } = polled([page(partial)]);
    await waitFor(() => expect(hook.result.current.loading).toBe(false));
    expect(clock.pending()).toHaveLength(0);
    expect(reads()).toBe(1);
  });

  it('given the page unmounts, then the scheduled read is cancelled', async () => {
    const { clock, hook, reads } = polled([page(running)]);
    await waitFor(() => expect(clock.pending()).toHaveLength(1));
    hook.unmount();
    expect(clock.pending()).toHaveLength(0);
    expect(reads()).toBe(1);
  });

  it('given reads fail while jobs run, then the last list stays with the error and it gives up after 3 failures in a row', async () => {
    const down = { status: 503, body: { errors: [{ code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试。' }] } };
    const { clock, hook, reads } = polled([page(running), down]);
    await waitFor(() => expect(clock.pending()).toHaveLength(1));
    for (let failure = 1; failure < MAX_JOBS_POLL_FAILURES; failure += 1) {
      await act(async () => clock.tick());
      await waitFor(() => expect(clock.pending()).toHaveLength(1)); // tried again after the failure
      expect(hook.result.current.error).toBe('服务暂时不可用，请稍后再试。');
    }
    await act(async () => clock.tick());
    await waitFor(() => expect(reads()).toBe(1 + MAX_JOBS_POLL_FAILURES));
    await waitFor(() => expect(hook.result.current.loading).toBe(false));
    expect(clock.pending()).toHaveLength(0);
    expect(hook.result.current.page.items[0]?.processed).toBe(100);
  });
});

describe('人员信息导入管理', () => {
  it('lists the jobs with 功能, status in Chinese, progress, counts, Beijing start time, duration and the report link', async () => {
    const engine = scriptedEngine({
      [JOBS]: [page(running, { ...partial, id: 'j2' })],
      'GET /api/entities': [{ status: 200, body: [{ key: 'education', title: '学历信息', version: 1 }] }],
    });
    const clock = manualClock();
    render(<ImportJobsPage actions={[]} scheduler={clock.scheduler} />, { wrapper: engine.wrapper });
    const table = await screen.findByTestId('import-jobs-table');
    await waitFor(() => expect(within(table).getAllByText('学历信息')).toHaveLength(2));
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(first!.textContent).toContain('导入中');
    expect(within(first!).getByLabelText('已处理 100 条，共 250 条')).toBeTruthy();
    expect(within(first!).queryByRole('link', { name: '下载错误报告' })).toBeNull();
    expect(second!.textContent).toContain('部分成功');
    expect(second!.textContent).toContain('2026-11-25 10:00:01');
    expect(second!.textContent).toContain(durationText(65000));
    expect(within(second!).getByRole('link', { name: '下载错误报告' }).getAttribute('href')).toBe('/api/imports/jobs/j2/error-report');
    expect(screen.getByText('有导入正在进行，本页每 2 秒自动刷新。')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /刷新/ }));
    await waitFor(() => expect(engine.calls.filter((c) => c.url.startsWith('/api/imports/jobs')).length).toBe(2));
  });
});

describe('durationText', () => {
  it('reads as people say it', () => {
    expect([850, 5000, 65000, 3600000, 3725000].map(durationText)).toEqual(['不到 1 秒', '5 秒', '1 分 5 秒', '1 小时', '1 小时 2 分 5 秒']);
  });
});
