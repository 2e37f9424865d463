import type { SchemaNode, UiSchemaNode } from '@zjrj/runtime-ui';
import { Card, Col, Empty, Row, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { RawJsonEditor } from '../definition/RawJsonEditor';
import { problemsAt } from '../definition/problems';
import { useLoaded } from '../definition/useLoaded';
import type { EditorProps } from '../editors/types';
import { AddFieldDialog } from './AddFieldDialog';
import { partsOf, withParts } from './entityContent';
import { EntityPreview } from './EntityPreview';
import { addField, fieldViews, idProblem, moveField, removeField, updateField } from './fieldModel';
import { FieldList } from './FieldList';
import { FieldPanel, type Choice } from './FieldPanel';
import { ImpactPanel } from './ImpactPanel';
import { usePresentedSchema } from './usePresentedSchema';

/** Definitions of a kind as choices (`标题（key）`), for the dictionary and reference pickers. */
function useChoices(api: EditorProps['api'], kind: string): Choice[] {
  const loaded = useLoaded(() => api.list({ kind }), [api, kind]);
  return useMemo(() => (loaded.value ?? []).map((i) => ({ value: i.key, label: `${i.title}（${i.key}）` })), [loaded.value]);
}

/**
 * The entity form editor: the field list and the selected field's properties on the left;
 * on the right the live preview (the runtime's own renderer) and the raw schema / uiSchema JSON,
 * all views of the one definition content, so an edit in any of them shows in the others.
 */
export function EntityEditor({ content, onChange, readOnly, api, definitionKey, problems }: EditorProps) {
  const [selected, setSelected] = useState<string>();
  const [adding, setAdding] = useState(false);
  const fields = useMemo(() => fieldViews(content), [content]);
  const { schema, uiSchema } = useMemo(() => partsOf(content), [content]);
  const presented = usePresentedSchema(api, schema);
  const dictionaries = useChoices(api, 'dictionary');
  const entities = useChoices(api, 'entity');
  const field = fields.find((f) => f.id === selected);
  const problemsOf = (id: string) => [...problemsAt(problems, `/schema/properties/${id}`), ...problemsAt(problems, `/uiSchema/${id}`)];

  const right = [
    { key: 'preview', label: '预览', children: <EntityPreview presented={presented.presented} error={presented.error} uiSchema={uiSchema as UiSchemaNode} /> },
    { key: 'schema', label: '表单结构 JSON', children: (
      <div data-testid="schema-json"><RawJsonEditor content={schema} readOnly={readOnly}
        onChange={(next) => onChange(withParts(content, { schema: next as typeof schema }))} /></div>) },
    { key: 'uiSchema', label: '界面 JSON', children: (
      <div data-testid="uischema-json"><RawJsonEditor content={uiSchema} readOnly={readOnly}
        onChange={(next) => onChange(withParts(content, { uiSchema: next }))} /></div>) },
  ];

  return (
    <Row gutter={16} data-testid="entity-editor">
      <Col xs={24} xl={12}>
        <Card size="small" title="字段">
          <FieldList fields={fields} selected={selected} readOnly={readOnly} onSelect={setSelected} onAdd={() => setAdding(true)}
            problemCount={(id) => problemsOf(id).length}
            onMove={(id, delta) => onChange(moveField(content, id, delta))}
            onRemove={(id) => { onChange(removeField(content, id)); if (id === selected) setSelected(undefined); }} />
        </Card>
        <Card size="small" title={field ? `字段属性：${field.title || field.id}` : '字段属性'} style={{ marginTop: 16 }}>
          {field
            ? <FieldPanel field={field} others={fields.filter((f) => f.id !== field.id)} dictionaries={dictionaries} entities={entities}
              valueChoices={presented.valueChoices} readOnly={readOnly} problems={problemsOf(field.id)} onChange={(view) => onChange(updateField(content, view))} />
            : <Empty description="在上方列表中点选一个字段进行编辑" />}
        </Card>
        {!readOnly && <Card size="small" title="发布前检查" style={{ marginTop: 16 }}>
          <ImpactPanel api={api} definitionKey={definitionKey} content={content} />
        </Card>}
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small"><Tabs items={right} /></Card>
      </Col>
      <AddFieldDialog open={adding} idProblem={(id) => idProblem(content, id)} onCancel={() => setAdding(false)}
        onAdd={(f) => { onChange(addField(content, f.id, f.title, f.type)); setSelected(f.id); setAdding(false); }} />
    </Row>
  );
}
