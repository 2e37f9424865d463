import { Alert, Button, Form, Input, Space } from 'antd';
import { useMemo, useState } from 'react';
import { problemsAt } from '../definition/problems';
import { useLoaded } from '../definition/useLoaded';
import type { EditorProps } from '../editors/types';
import { addItem, codeProblem, displayRows, itemsOf, moveItem, removeItem, updateItem } from './itemModel';
import { ItemTable } from './ItemTable';
import { XlsxActions } from './XlsxActions';

/** Codes of the version in force (their records exist: the code is fixed, deleting is discouraged). */
function usePublishedCodes(api: EditorProps['api'], key: string): ReadonlySet<string> {
  const detail = useLoaded(() => api.get('dictionary', key), [api, key]).value;
  return useMemo(() => new Set(itemsOf(detail?.inForce?.content ?? {}).map((i) => i.code)), [detail]);
}

function AddItem({ content, onAdd }: { content: Record<string, unknown>; onAdd(code: string, label: string): void }) {
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const problem = code ? codeProblem(content, code.trim()) : undefined;
  return (
    <Form layout="inline">
      <Form.Item validateStatus={problem ? 'error' : undefined} help={problem}>
        <Input aria-label="新项编码" placeholder="编码" value={code} onChange={(e) => setCode(e.target.value)} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item><Input aria-label="新项名称" placeholder="名称" value={label} onChange={(e) => setLabel(e.target.value)} /></Form.Item>
      <Button disabled={!code.trim() || !label.trim() || Boolean(problem)}
        onClick={() => { onAdd(code.trim(), label.trim()); setCode(''); setLabel(''); }}>添加字典项</Button>
    </Form>
  );
}

/** The dictionary editor: items in display order, edited in place, added, moved, disabled; .xlsx import/export. */
export function DictionaryEditor({ content, onChange, readOnly, api, definitionKey, problems }: EditorProps) {
  const publishedCodes = usePublishedCodes(api, definitionKey);
  const [query, setQuery] = useState('');
  const rows = useMemo(() => displayRows(content).filter((r) => !query
    || r.item.code.includes(query) || r.item.label.includes(query) || (r.item.aliases ?? []).some((a) => a.includes(query))), [content, query]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dictionary-editor">
      <Alert type="info" showIcon title="停用后已有记录仍可显示，但不能再选择"
        description="不再使用的项请“停用”而不是删除：使用过它的记录仍显示原来的名称，新填写和导入时不再提供。编码是记录中保存的值，发布后不能修改。" />
      <XlsxActions api={api} definitionKey={definitionKey} readOnly={readOnly} onItems={(items) => onChange({ ...content, items })} />
      <Input.Search aria-label="查找字典项" placeholder="按编码、名称或别名查找" allowClear style={{ maxWidth: 320 }}
        onChange={(e) => setQuery(e.target.value.trim())} />
      <ItemTable rows={rows} publishedCodes={publishedCodes} readOnly={readOnly}
        problemsOf={(index) => problemsAt(problems, `/items/${index}`).map((p) => p.message)}
        onChange={(index, item) => onChange(updateItem(content, index, item))}
        onMove={(index, delta) => onChange(moveItem(content, index, delta))}
        onRemove={(index) => onChange(removeItem(content, index))} />
      {!readOnly && <AddItem content={content} onAdd={(code, label) => onChange(addItem(content, code, label))} />}
    </Space>
  );
}
