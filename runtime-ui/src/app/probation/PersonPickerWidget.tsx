import type { WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds } from '@rjsf/utils';
import { Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useRefLabels, useRendererServices, type EntityDefinition, type RecordItem, type RefAnnotation } from '../../lib';
import { useEntityDefinition } from '../records';
import { listedRefs, summarize } from './recordSummary';
import { usePersonSearch } from './usePersonSearch';
import { useRecord } from './useRecord';

function OptionLabel({ definition, record, labels }: {
  definition: EntityDefinition; record: RecordItem; labels: ReadonlyMap<string, ReadonlyMap<string, string>>;
}) {
  const summary = summarize(definition, record, labels);
  return (
    <Space size={8}>
      <span>{summary.title}</span>
      {summary.idNumber && <Typography.Text type="secondary">{summary.idNumber}</Typography.Text>}
      {summary.refs.map((name) => <Tag key={name}>{name}</Tag>)}
    </Space>
  );
}

/**
 * Picking the record a group belongs to (the person of a probation entry): one box searching by
 * name, ID number or department, within the field's filter (`ui:options.filter`, e.g. only
 * 在岗人员); each option shows the name, the masked ID number and the department.
 */
export function PersonPickerWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, onFocus, schema, options } = props;
  const ref = schema['x-ref'] as RefAnnotation;
  const filter = useMemo(() => ({ ...ref.filter, ...(options.filter as Record<string, string> | undefined) }) as Record<string, string>,
    [ref.filter, options.filter]);
  const loaded = useEntityDefinition(ref.entity);
  const definition = loaded.status === 'ready' ? loaded.value : undefined;
  const [text, setText] = useState('');
  const { found, loading } = usePersonSearch(definition, text, filter);
  const chosen = useRecord(ref.entity, value);
  const records = chosen && !found.some((r) => r.id === chosen.id) ? [chosen, ...found] : found;
  const { refs } = useRendererServices();
  const wanted = useMemo(() => new Map((definition ? listedRefs(definition) : []).map(({ field, entity }) =>
    [entity, [...new Set(records.map((r) => r.data[field]).filter((v): v is string => typeof v === 'string'))]])), [definition, records]);
  const labels = useRefLabels(refs, wanted);

  return (
    <Select
      id={id}
      style={{ width: '100%' }}
      value={typeof value === 'string' && value !== '' ? value : undefined}
      options={definition ? records.map((r) => ({ value: r.id, label: <OptionLabel definition={definition} record={r} labels={labels} /> })) : []}
      loading={loading}
      allowClear
      disabled={disabled || readonly}
      placeholder="输入姓名、证件号码或科室搜索"
      notFoundContent={loading ? '正在查找…' : '没有找到符合条件的人员'}
      showSearch={{ filterOption: false, onSearch: setText }}
      onChange={(next: string | undefined) => { setText(''); onChange(next ?? undefined); }}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
      aria-describedby={ariaDescribedByIds(id)}
    />
  );
}
