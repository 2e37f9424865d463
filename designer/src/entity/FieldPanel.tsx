import { useEffect, useState } from 'react';
import type { DefinitionProblem } from '@zjrj/engine/contract';
import { Alert, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { ConditionEditor, type Choice } from './ConditionEditor';
import type { FieldView } from './fieldModel';
import { fieldTypes, textFormats, typeByKey } from './fieldTypes';
import { VisibilityEditor } from './VisibilityEditor';

export type { Choice } from './ConditionEditor';

interface FieldPanelProps {
  field: FieldView;
  /** The other fields, for "required when …" and "shown when …". */
  others: FieldView[];
  dictionaries: Choice[];
  entities: Choice[];
  /** The values a field may take (a dictionary's options), when it has a fixed list. */
  valueChoices(fieldId: string): Choice[] | undefined;
  readOnly: boolean;
  /** The field's validation problems. */
  problems: DefinitionProblem[];
  onChange(field: FieldView): void;
}

type Requirement = 'no' | 'yes' | 'when';
const requirementOf = (f: FieldView): Requirement => (f.required ? 'yes' : f.requiredWhen ? 'when' : 'no');
const selectable = fieldTypes.filter((t) => t.selectable).map((t) => ({ value: t.key, label: t.label }));

/** The selected field's properties; every change goes straight into the definition (and so into the JSON and the preview). */
export function FieldPanel(props: FieldPanelProps) {
  const { field, dictionaries, entities, readOnly, onChange } = props;
  const set = (patch: Partial<FieldView>) => onChange({ ...field, ...patch });
  // "When …" is a mode of its own until its field and value are chosen (only a complete condition is written).
  const [mode, setMode] = useState<Requirement>(requirementOf(field));
  useEffect(() => setMode(requirementOf(field)), [field.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const setRequirement = (r: Requirement) => {
    setMode(r);
    set({ required: r === 'yes', requiredWhen: r === 'when' ? field.requiredWhen : undefined });
  };
  const knownType = typeByKey(field.type)?.selectable;
  return (
    <Form layout="vertical" disabled={readOnly} data-testid="field-panel">
      {props.problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} title="该字段有问题，修改后才能发布："
        description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{props.problems.map((p) => <li key={p.path + p.message}>{p.message}</li>)}</ul>} />}
      <Form.Item label="字段标识">
        <Typography.Text code>{field.id}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>标识不随名称改变，已有数据不会丢失</Typography.Text>
      </Form.Item>
      <Form.Item label="字段名称" required>
        <Input aria-label="字段名称" value={field.title} maxLength={50} onChange={(e) => set({ title: e.target.value })} />
      </Form.Item>
      <Form.Item label="类型">
        <Select aria-label="类型" value={field.type} disabled={readOnly || !knownType}
          options={knownType ? selectable : [{ value: field.type, label: typeByKey(field.type)?.label }]}
          onChange={(type: string) => set({ type })} />
      </Form.Item>
      {field.type === 'dictionary' && (
        <Form.Item label="字典" required>
          <Select aria-label="字典" showSearch optionFilterProp="label" value={field.dictionary || undefined} options={dictionaries}
            placeholder="选择字典" onChange={(dictionary: string) => set({ dictionary })} />
        </Form.Item>
      )}
      {field.type === 'reference' && (
        <Form.Item label="引用的表单" required>
          <Select aria-label="引用的表单" showSearch optionFilterProp="label" value={field.refEntity || undefined} options={entities}
            placeholder="选择表单" onChange={(refEntity: string) => set({ refEntity })} />
        </Form.Item>
      )}
      {field.type === 'text' && (
        <Space>
          <Form.Item label="格式">
            <Select aria-label="格式" style={{ width: 180 }} value={field.format ?? ''} options={[...textFormats]}
              onChange={(format: string) => set({ format: format || undefined })} />
          </Form.Item>
          <Form.Item label="最多字数">
            <InputNumber aria-label="最多字数" min={1} max={2000} value={field.maxLength}
              onChange={(n) => set({ maxLength: n ?? undefined })} />
          </Form.Item>
        </Space>
      )}
      <Form.Item label="是否必填" extra={field.requiredWhen || field.required ? '已有记录若缺少该字段，发布前可在“影响检查”中看到数量。' : undefined}>
        <Radio.Group name="requirement" value={mode} onChange={(e) => setRequirement(e.target.value as Requirement)}
          options={[{ value: 'no', label: '选填' }, { value: 'yes', label: '必填' }, { value: 'when', label: '满足条件时必填' }]} />
      </Form.Item>
      {mode === 'when' && <Form.Item><ConditionEditor fieldId={field.id} value={field.requiredWhen} others={props.others}
        valueChoices={props.valueChoices} readOnly={readOnly} suffix="时必填" onChange={(requiredWhen) => set({ requiredWhen })} /></Form.Item>}
      <VisibilityEditor field={field} others={props.others} valueChoices={props.valueChoices} readOnly={readOnly} onChange={onChange} />
      <Form.Item label="列表与导入">
        <Space wrap>
          <Checkbox checked={field.list} onChange={(e) => set({ list: e.target.checked })}>显示为列表列</Checkbox>
          <Checkbox checked={field.search} onChange={(e) => set({ search: e.target.checked })}>可按此字段搜索</Checkbox>
          {field.importColumn !== undefined && (
            <Checkbox checked={field.importColumn} onChange={(e) => set({ importColumn: e.target.checked })}>作为导入模板的列</Checkbox>
          )}
        </Space>
      </Form.Item>
      <Form.Item label="填写说明">
        <Input.TextArea aria-label="填写说明" autoSize value={field.help ?? ''} maxLength={200}
          onChange={(e) => set({ help: e.target.value || undefined })} />
      </Form.Item>
    </Form>
  );
}
