import { Badge, Button, Tabs } from 'antd';
import { useState } from 'react';
import type { RecordItem } from '../../api';
import { useAppServices } from '../AppServices';
import { useLoadable } from '../common';
import type { EntityViewProps } from '../entityViews/viewRegistry';
import { viewField } from '../entityViews/viewOptions';
import { RecordList } from '../records';
import { MappingModal } from './MappingModal';
import { unmappedFilter } from './mappingForm';

type Tab = 'all' | 'unmapped';

/**
 * `"ui:view": "mapping"` (机构岗位管理 / 映射管理, R-5): the record list with a 未映射 tab (records
 * whose `ui:viewOptions.mappingField` is empty, counted) and a 映射 action per row.
 */
export function MappingPage({ definition, actions }: EntityViewProps) {
  const { api } = useAppServices();
  const field = viewField(definition, 'mappingField')!;
  const [tab, setTab] = useState<Tab>('all');
  const [mapping, setMapping] = useState<{ record: RecordItem; done: (text: string) => void }>();
  const unmapped = useLoadable(() => api.list(definition.key, { pageSize: 1, filters: unmappedFilter(field) }).then((p) => p.total),
    [api, definition.key, field]);
  const count = unmapped.status === 'ready' ? unmapped.value : undefined;
  const fieldTitle = definition.schema.properties?.[field]?.title ?? field;

  const tabs = (
    <Tabs activeKey={tab} onChange={(key) => setTab(key as Tab)} items={[
      { key: 'all', label: '全部' },
      { key: 'unmapped', label: <span data-testid="unmapped-tab">未映射 <Badge count={count ?? 0} showZero color={count ? '#faad14' : '#52c41a'} /></span> },
    ]} />
  );
  const rowActions = actions.includes('update')
    ? (record: RecordItem, done: (text: string) => void) => (
      <Button type="link" size="small" onClick={() => setMapping({ record, done })}>映射</Button>)
    : undefined;

  return (
    <>
      <RecordList key={tab} definition={definition} actions={actions} extras={{
        filters: tab === 'unmapped' ? unmappedFilter(field) : undefined,
        toolbar: tabs,
        rowActions,
        onChanged: unmapped.reload,
      }} />
      {mapping && <MappingModal definition={definition} field={field} record={mapping.record}
        onClose={() => setMapping(undefined)}
        onSaved={() => { mapping.done(`已保存「${fieldTitle}」`); setMapping(undefined); }} />}
    </>
  );
}
