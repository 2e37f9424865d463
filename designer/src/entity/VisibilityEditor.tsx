import { Form, Radio } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { FeelInput } from '../ruleset/FeelInput';
import { ConditionEditor, type Choice } from './ConditionEditor';
import type { FieldView } from './fieldModel';
import { expressionOf, visibilityOf, type Visibility, type VisibilityMode } from './visibility';

interface VisibilityEditorProps {
  field: FieldView;
  others: FieldView[];
  valueChoices(fieldId: string): Choice[] | undefined;
  readOnly: boolean;
  onChange(field: FieldView): void;
}

const MODES = [{ value: 'always', label: '始终显示' }, { value: 'when', label: '当某字段为某值时显示' }, { value: 'custom', label: '自定义表达式' }];

/**
 * 显示条件 of a field (`ui:visibleWhen`): a hidden field is not shown and must stay empty (the
 * server refuses a value in it), so "shown when" is usually paired with "required when".
 */
export function VisibilityEditor({ field, others, valueChoices, readOnly, onChange }: VisibilityEditorProps) {
  // The mode is kept while its condition is incomplete (only a complete condition is written).
  const [visibility, setVisibility] = useState<Visibility>(visibilityOf(field.visibleWhen));
  useEffect(() => setVisibility(visibilityOf(field.visibleWhen)), [field.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (next: Visibility) => { setVisibility(next); onChange({ ...field, visibleWhen: expressionOf(next) }); };
  const setMode = (mode: VisibilityMode) => set(mode === 'always' ? { mode }
    : mode === 'when' ? { mode, when: { field: '', value: '' } } : { mode, expression: expressionOf(visibility) ?? '' });
  const variables = useMemo(() => others.map((o) => ({ name: o.id, info: o.title })), [others]);
  return (
    <>
      <Form.Item label="显示条件" extra={visibility.mode === 'always' ? undefined : '条件不满足时该字段不显示，已填的值会被清空；通常同时设置“满足条件时必填”。'}>
        <Radio.Group name="visibility" value={visibility.mode} onChange={(e) => setMode(e.target.value as VisibilityMode)} options={MODES} />
      </Form.Item>
      {visibility.mode === 'when' && (
        <Form.Item>
          <ConditionEditor fieldId={field.id} value={visibility.when} others={others} valueChoices={valueChoices} readOnly={readOnly}
            suffix="时显示" onChange={(when) => set({ mode: 'when', when })} />
        </Form.Item>
      )}
      {visibility.mode === 'custom' && (
        <Form.Item extra='FEEL 表达式，可使用本表单的字段标识，如 nationality != "CHN"'>
          <FeelInput label="显示条件表达式" value={visibility.expression} readOnly={readOnly} variables={variables}
            onChange={(expression) => set({ mode: 'custom', expression })} />
        </Form.Item>
      )}
    </>
  );
}
