import { Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { RequiredWhen } from './conditions';
import type { FieldView } from './fieldModel';

export interface Choice { value: string; label: string }

interface ConditionEditorProps {
  /** The field being edited: the condition is kept while it stays selected. */
  fieldId: string;
  value: RequiredWhen | undefined;
  /** The fields the condition may test. */
  others: FieldView[];
  /** The values a field may take (a dictionary's options), when it has a fixed list. */
  valueChoices(fieldId: string): Choice[] | undefined;
  readOnly: boolean;
  /** What the condition leads to, after "当 … 为 …" (时必填, 时显示). */
  suffix: string;
  onChange(when: RequiredWhen): void;
}

const BOOLEAN_CHOICES: Choice[] = [{ value: 'true', label: '是' }, { value: 'false', label: '否' }];

/** "当 <field> 为 <value> <suffix>": the field+value builder of "required when" and "shown when". */
export function ConditionEditor({ fieldId, value, others, valueChoices, readOnly, suffix, onChange }: ConditionEditorProps) {
  // Kept here while incomplete: the definition only receives a condition with both field and value.
  const [when, setWhen] = useState<RequiredWhen>(value ?? { field: '', value: '' });
  useEffect(() => setWhen(value ?? { field: '', value: '' }), [fieldId]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (next: RequiredWhen) => { setWhen(next); onChange(next); };
  const testedType = others.find((o) => o.id === when.field)?.type;
  const choices = testedType === 'boolean' ? BOOLEAN_CHOICES : when.field ? valueChoices(when.field) : undefined;
  // The condition compares with a typed constant: a number or boolean field's value must be written as one.
  const typed = (raw: string): RequiredWhen['value'] => {
    if (testedType === 'boolean') return raw === 'true';
    if ((testedType === 'integer' || testedType === 'number') && raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
    return raw;
  };
  return (
    <Space wrap>
      <span>当</span>
      <Select aria-label="条件字段" style={{ minWidth: 140 }} value={when.field || undefined} placeholder="选择字段" disabled={readOnly}
        options={others.map((o) => ({ value: o.id, label: o.title }))} onChange={(field: string) => set({ field, value: '' })} />
      <span>为</span>
      {choices
        ? <Select aria-label="条件取值" style={{ minWidth: 140 }} value={when.value === '' ? undefined : String(when.value)} options={choices}
          placeholder="选择取值" disabled={readOnly} onChange={(raw: string) => set({ ...when, value: typed(raw) })} />
        : <Input aria-label="条件取值" style={{ width: 140 }} value={String(when.value)} disabled={readOnly}
          onChange={(e) => set({ ...when, value: typed(e.target.value) })} />}
      <span>{suffix}</span>
    </Space>
  );
}
