import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EntityDefinition, ImportJob, MenuAction } from '../../api';
import { personDefinition } from '../../testing/fixtures';
import { ImportExportButtons } from './ImportExportButtons';
import { REPORT_HELP } from './ImportResult';
import { NOT_XLSX } from './useImportUpload';
import { scriptedEngine, type Answer } from './testKit';

const education: EntityDefinition = { ...personDefinition, key: 'education', title: '学历信息',
  import: { owner: 'personId', match: ['personId', 'educationLevel'] } };
const job = (fields: Partial<ImportJob>): ImportJob => ({
  id: 'j1', entity: 'education', status: 'succeeded', total: 0, processed: 0, imported: 0, failed: 0,
  createdAt: '2026-11-25T02:00:00.000Z', startedAt: null, finishedAt: null, durationMs: null, message: null, hasReport: false, ...fields,
});
const POST = 'POST /api/imports/education';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function open(answers: Answer[], { actions = ['create', 'import', 'export'] as MenuAction[], definition = education } = {}) {
  const engine = scriptedEngine({ [POST]: answers });
  const onImported = vi.fn();
  render(<ImportExportButtons definition={definition} actions={actions} exportQuery={{ q: '张三', filters: { personId: 'p1' } }}
    onImported={onImported} />, { wrapper: engine.wrapper });
  return { ...engine, onImported };
}

async function startDialog() {
  fireEvent.click(screen.getByRole('button', { name: /导入/ }));
  return screen.findByRole('dialog', { name: '导入学历信息' });
}

async function choose(dialog: HTMLElement, name: string) {
  const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(['PK'], name, { type: XLSX })] } });
  await waitFor(() => expect(within(dialog).queryByText(name) ?? within(dialog).queryByRole('alert')).toBeTruthy());
}

const startButton = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: /开始导入/ });

describe('导入 / 导出 on an importable list', () => {
  afterEach(() => window.history.pushState(null, '', '/'));

  it('shows the buttons the menu grants, only for an entity with an import block; 导出 repeats the list query', () => {
    open([], { actions: ['import'] });
    expect(screen.getByRole('button', { name: /导入/ })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /导出/ })).toBeNull();
    cleanup();
    open([], { actions: ['export'] });
    expect(screen.getByRole('link', { name: /导出/ }).getAttribute('href'))
      .toBe(`/api/exports/education?personId=p1&q=${encodeURIComponent('张三')}`);
    cleanup();
    open([], { definition: { ...education, import: undefined } });
    expect(screen.queryByRole('button', { name: /导入/ })).toBeNull();
  });

  it('uploads the chosen .xlsx with 覆盖已存在的数据, then shows the counts, the error report and how to use it', async () => {
    const finished = job({ status: 'partial', total: 3, processed: 3, imported: 2, failed: 1, hasReport: true });
    const { calls, onImported } = open([{ status: 200, body: { job: finished } }]);
    const dialog = await startDialog();
    expect(within(dialog).getByRole('link', { name: /下载模板/ }).getAttribute('href')).toBe('/api/imports/education/template');
    expect((startButton(dialog) as HTMLButtonElement).disabled).toBe(true);
    await choose(dialog, '学历.xlsx');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: '覆盖已存在的数据' }));
    fireEvent.click(startButton(dialog));

    expect((await within(dialog).findByTestId('import-counts')).textContent).toBe('共 3 条，成功 2 条，失败 1 条');
    expect(within(dialog).getByRole('link', { name: /下载错误报告/ }).getAttribute('href')).toBe('/api/imports/jobs/j1/error-report');
    expect(within(dialog).getByText(REPORT_HELP)).toBeTruthy();
    const form = calls.find((c) => c.method === 'POST')!.form!;
    expect(form.get('overwrite')).toBe('true');
    expect((form.get('file') as File).name).toBe('学历.xlsx');
    expect(onImported).toHaveBeenCalledWith(finished);
  });

  it('given a refused file (TEMPLATE_MISMATCH), then the server\'s words show, the file stays and a retry can succeed', async () => {
    const mismatch = { errors: [{ code: 'TEMPLATE_MISMATCH', message: '第 3 列应为“证件类型”，文件中为“证件种类”。请重新下载模板填写。' }] };
    const { calls, onImported } = open([{ status: 422, body: mismatch },
      { status: 200, body: { job: job({ total: 1, processed: 1, imported: 1 }) } }]);
    const dialog = await startDialog();
    await choose(dialog, '学历.xlsx');
    fireEvent.click(startButton(dialog));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('文件与当前模板不一致，未导入任何数据');
    expect(alert.textContent).toContain('第 3 列应为“证件类型”，文件中为“证件种类”');
    expect(within(dialog).getByText('学历.xlsx')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.form!.get('overwrite')).toBeNull();
    expect(onImported).not.toHaveBeenCalled();

    fireEvent.click(startButton(dialog));
    expect((await within(dialog).findByTestId('import-counts')).textContent).toBe('共 1 条，成功 1 条，失败 0 条');
    expect(within(dialog).queryByRole('link', { name: /下载错误报告/ })).toBeNull();
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('given more than 100 rows (202, queued), then it says so and leads to 人员信息导入管理', async () => {
    const { onImported } = open([{ status: 202, body: { job: job({ status: 'queued', total: 250 }) } }]);
    const dialog = await startDialog();
    await choose(dialog, '学历.xlsx');
    fireEvent.click(startButton(dialog));
    expect(await within(dialog).findByText('数据较多，已转入后台导入')).toBeTruthy();
    expect(within(dialog).getByText(/文件共 250 条数据/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: /前往人员信息导入管理/ }));
    expect(window.location.pathname).toBe('/hr/import-jobs');
    expect(onImported).not.toHaveBeenCalled();
  });

  it('given a file that is not .xlsx, then it explains and nothing can be started', async () => {
    const { calls } = open([]);
    const dialog = await startDialog();
    await choose(dialog, '学历.xls');
    expect(within(dialog).getByRole('alert').textContent).toContain(NOT_XLSX.title);
    expect((startButton(dialog) as HTMLButtonElement).disabled).toBe(true);
    expect(calls).toEqual([]);
  });

  it('given nothing could be imported, then it says so with the server\'s note and the list is not reloaded', async () => {
    const failed = job({ status: 'failed', total: 2, processed: 2, failed: 2, hasReport: true, message: '所有行均未通过检查。' });
    const { onImported } = open([{ status: 200, body: { job: failed } }]);
    const dialog = await startDialog();
    await choose(dialog, '学历.xlsx');
    fireEvent.click(startButton(dialog));
    expect(await within(dialog).findByText('导入失败，没有导入任何数据')).toBeTruthy();
    expect(within(dialog).getByText('所有行均未通过检查。')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: /继续导入/ }));
    expect(within(dialog).getByText('把填写好的模板拖到这里，或点击选择文件')).toBeTruthy();
    expect(onImported).not.toHaveBeenCalled();
  });
});
