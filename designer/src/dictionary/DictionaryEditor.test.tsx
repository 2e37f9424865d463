import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { HttpClient } from '@zjrj/runtime-ui';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import gender from '../../../definitions/dictionaries/gender.json';
import { DesignerApi } from '../api/DesignerApi';
import { DictionaryEditor } from './DictionaryEditor';

type Content = Record<string, unknown>;
const IMPORTED = { items: [{ code: '1', label: '男' }, { code: '1', label: '女' }],
  problems: [{ path: '/items/1/code', message: '第 3 行的编码「1」与第 2 行重复，每项的编码必须不同。' }] };

/** The engine's answers: the dictionary in force, and an uploaded file read with one problem. */
const fakeFetch = async (url: string): Promise<Response> => {
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  if (url.startsWith('/api/designer/definitions/dictionary/gender')) return json({ inForce: { version: 1, content: gender } });
  if (url.startsWith('/api/designer/dictionaries/gender/import')) return json(IMPORTED);
  return new Response('{}', { status: 404, headers: { 'Content-Type': 'application/json' } });
};

function renderEditor() {
  const latest: { content: Content } = { content: gender };
  function Harness() {
    const [content, setContent] = useState<Content>(gender);
    const [api] = useState(() => new DesignerApi(new HttpClient({ fetch: fakeFetch })));
    return <DictionaryEditor kind="dictionary" definitionKey="gender" content={content} readOnly={false} problems={[]} api={api}
      onChange={(next) => { setContent(next); latest.content = next; }} />;
  }
  render(<Harness />);
  return latest;
}

describe('the dictionary editor', () => {
  it('disables an item (kept, marked enabled: false) and explains what that means', async () => {
    const latest = renderEditor();
    expect(screen.getByText('停用后已有记录仍可显示，但不能再选择')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('启用 0'));
    expect((latest.content.items as Array<Record<string, unknown>>).find((i) => i.code === '0')).toEqual({ code: '0', label: '未知的性别', order: 3, enabled: false });
    // Published codes are fixed; a new item's code can be typed.
    await waitFor(() => expect(screen.queryByLabelText('编码 1')).toBeNull());
    fireEvent.change(screen.getByLabelText('新项编码'), { target: { value: '1' } });
    expect(screen.getByText('编码「1」已存在，请换一个。')).toBeTruthy();
  });

  it('lists the problems of an imported file by row and puts its items into the draft only when asked', async () => {
    const latest = renderEditor();
    const input = screen.getByTestId('dictionary-editor').querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'gender.xlsx')] } });
    const warning = await screen.findByText('文件中有 1 处问题，字典项尚未放入草稿');
    expect(screen.getByText(IMPORTED.problems[0]!.message)).toBeTruthy();
    expect(latest.content).toBe(gender);
    fireEvent.click(within(warning.closest('.ant-alert')! as HTMLElement).getByRole('button', { name: '仍然导入，稍后在表格中修改' }));
    expect(latest.content.items).toEqual(IMPORTED.items);
    expect(await screen.findByText('已从文件读入 2 项，替换了草稿中的字典项（尚未发布）。')).toBeTruthy();
  });
});
