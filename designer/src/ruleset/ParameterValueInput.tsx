import type { RuleParameter } from '@zjrj/engine/rules';
import { DatePicker, Input, InputNumber, Select, Switch } from 'antd';
import dayjs from 'dayjs';

interface Props {
  parameter: RuleParameter;
  label: string;
  readOnly: boolean;
  onChange(value: unknown): void;
}

/** A parameter's value with the input its type calls for (date picker, number, text, switch, list). */
export function ParameterValueInput({ parameter, label, readOnly, onChange }: Props) {
  const { type, value } = parameter;
  if (type === 'date') {
    const parsed = typeof value === 'string' && dayjs(value, 'YYYY-MM-DD', true).isValid() ? dayjs(value, 'YYYY-MM-DD') : null;
    return <DatePicker value={parsed} format="YYYY-MM-DD" disabled={readOnly} aria-label={label} allowClear={false}
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : value)} />;
  }
  if (type === 'number') {
    return <InputNumber value={typeof value === 'number' ? value : null} disabled={readOnly} aria-label={label}
      onChange={(n) => onChange(n ?? 0)} />;
  }
  if (type === 'boolean') return <Switch checked={value === true} disabled={readOnly} aria-label={label} onChange={onChange} />;
  if (type === 'list') {
    return <Select mode="tags" value={Array.isArray(value) ? value.map(String) : []} disabled={readOnly} aria-label={label}
      onChange={onChange} style={{ minWidth: 200 }} placeholder="输入后回车添加" />;
  }
  return <Input value={value == null ? '' : String(value)} readOnly={readOnly} aria-label={label} onChange={(e) => onChange(e.target.value)} />;
}
