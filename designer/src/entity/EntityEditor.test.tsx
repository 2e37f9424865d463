import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { HttpClient } from '@zjrj/runtime-ui';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import person from '../../../definitions/entities/person.json';
import { DesignerApi } from '../api/DesignerApi';
import { EntityEditor } from './EntityEditor';

type Content = Record<string, unknown>;

/** The engine's answers the editor needs: the preview presents the schema as given; no other definitions. */
const fakeFetch = async (url: string, init?: RequestInit): Promise<Response> => {
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  if (url.startsWith('/api/designer/entities/preview')) return json({ schema: JSON.parse(String(init?.body)).schema });
  if (url.startsWith('/api/designer/definitions?')) return json({ items: [] });
  return new Response('{}', { status: 404, headers: { 'Content-Type': 'application/json' } });
};

function Harness({ onContent }: { onContent(content: Content): void }) {
  const [content, setContent] = useState<Content>(person);
  const api = new DesignerApi(new HttpClient({ fetch: fakeFetch }));
  const [stable] = useState(api);
  return <EntityEditor kind="entity" definitionKey="person" content={content} readOnly={false} problems={[]} api={stable}
    onChange={(next) => { setContent(next); onContent(next); }} />;
}

function renderEditor() {
  const latest: { content: Content } = { content: person };
  render(<Harness onContent={(c) => { latest.content = c; }} />);
  return latest;
}

const schemaText = () => (within(screen.getByTestId('schema-json')).getByRole('textbox') as HTMLTextAreaElement);

describe('the entity editor: fields ⇄ JSON ⇄ preview', () => {
  it('renames a field in the visual editor: the JSON shows the new title under the same id', async () => {
    const latest = renderEditor();
    fireEvent.click(within(screen.getByTestId('field-list')).getByText('手机号码'));
    fireEvent.change(within(screen.getByTestId('field-panel')).getByLabelText('字段名称'), { target: { value: '联系手机' } });
    expect((latest.content.schema as any).properties.mobile.title).toBe('联系手机');
    fireEvent.click(screen.getByRole('tab', { name: '表单结构 JSON' }));
    const schema = JSON.parse(schemaText().value);
    expect(schema.properties.mobile.title).toBe('联系手机');
    expect(Object.keys(schema.properties)).toEqual(Object.keys(person.schema.properties));
  });

  it('takes edits of the schema JSON into the field list, and keeps invalid JSON as typed with an error', async () => {
    const latest = renderEditor();
    fireEvent.click(screen.getByRole('tab', { name: '表单结构 JSON' }));
    const edited = { ...person.schema, properties: { ...person.schema.properties, name: { ...person.schema.properties.name, title: '姓名（中文）' } } };
    fireEvent.change(schemaText(), { target: { value: JSON.stringify(edited, null, 2) } });
    expect(within(screen.getByTestId('field-list')).getByText('姓名（中文）')).toBeTruthy();

    fireEvent.change(schemaText(), { target: { value: '{ "type": "object", ' } });
    expect(screen.getByText(/JSON 格式有误/)).toBeTruthy();
    expect(schemaText().value).toBe('{ "type": "object", ');
    expect((latest.content.schema as any).properties.name.title).toBe('姓名（中文）');
  });

  it('adds a field through the dialog: it is in the list, the JSON and the preview', async () => {
    const latest = renderEditor();
    fireEvent.click(screen.getByRole('button', { name: /添加字段/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('字段名称'), { target: { value: '微信号' } });
    fireEvent.change(within(dialog).getByLabelText('字段标识'), { target: { value: 'mobile' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /^添\s?加$/ }));
    expect(await within(dialog).findByText('已有标识为「mobile」的字段，请换一个。')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('字段标识'), { target: { value: 'wechatId' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /^添\s?加$/ }));
    await waitFor(() => expect((latest.content.schema as any).properties.wechatId).toEqual({ title: '微信号', type: 'string', maxLength: 100 }));
    expect((latest.content.uiSchema as any)['ui:order'].at(-1)).toBe('wechatId');
    expect(within(screen.getByTestId('field-list')).getByText('wechatId')).toBeTruthy();
    const preview = await screen.findByTestId('entity-preview');
    expect(await within(preview).findByText('微信号')).toBeTruthy();
  });

  it('writes "required when" only once its field and value are chosen', async () => {
    const latest = renderEditor();
    fireEvent.click(within(screen.getByTestId('field-list')).getByText('民族'));
    const panel = screen.getByTestId('field-panel');
    fireEvent.click(within(panel).getByLabelText('满足条件时必填'));
    fireEvent.mouseDown(within(panel).getByLabelText('条件字段'));
    fireEvent.click(await screen.findByTitle('国籍/地区'));
    expect((latest.content.schema as any).allOf).toBeUndefined();
    expect((within(panel).getByLabelText('满足条件时必填') as HTMLInputElement).checked).toBe(true);
    fireEvent.change(within(panel).getByLabelText('条件取值'), { target: { value: 'CHN' } });
    expect((latest.content.schema as any).allOf).toEqual([{ if: { required: ['nationality'], properties: { nationality: { const: 'CHN' } } },
      then: { required: ['nation'] } }]);
    expect(within(screen.getByTestId('field-list')).getByText('条件必填')).toBeTruthy();
    fireEvent.click(within(panel).getByLabelText('选填'));
    expect((latest.content.schema as any).allOf).toBeUndefined();
  });

  it('writes 显示条件 from the field+value builder, and the live preview shows or hides the field as its data changes', async () => {
    const latest = renderEditor();
    fireEvent.click(within(screen.getByTestId('field-list')).getByText('民族'));
    const panel = screen.getByTestId('field-panel');
    fireEvent.click(within(panel).getByLabelText('当某字段为某值时显示'));
    expect((latest.content.uiSchema as any).nation).toBeUndefined();
    const builder = within(panel).getAllByLabelText('条件字段').at(-1)!;
    fireEvent.mouseDown(builder);
    fireEvent.click((await screen.findAllByTitle('国籍/地区')).at(-1)!);
    fireEvent.change(within(panel).getAllByLabelText('条件取值').at(-1)!, { target: { value: 'CHN' } });
    expect((latest.content.uiSchema as any).nation).toEqual({ 'ui:visibleWhen': 'nationality = "CHN"' });
    expect((latest.content.schema as any).allOf).toBeUndefined(); // requiredness is a separate choice

    const preview = await screen.findByTestId('entity-preview');
    expect(await within(preview).findByLabelText('民族')).toBeTruthy(); // 国籍/地区 defaults to CHN
    fireEvent.change(within(preview).getByLabelText('国籍/地区'), { target: { value: 'USA' } });
    await waitFor(() => expect(within(preview).queryByLabelText('民族')).toBeNull());
    fireEvent.click(within(panel).getByLabelText('始终显示'));
    expect((latest.content.uiSchema as any).nation).toBeUndefined();
  });
});
