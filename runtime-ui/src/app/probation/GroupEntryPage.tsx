import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Result, Select, Space, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage, useRendererServices, type EntityDefinition, type RefAnnotation, type RulesetView } from '../../lib';
import { EntityRules, groupEntryLayout } from '../../rules';
import { useAppServices } from '../AppServices';
import { AttachmentBatchButton } from '../attachmentBatch';
import { ImportExportButtons } from '../imports';
import { useLoadable } from '../common';
import type { EntityViewProps } from '../entityViews/viewRegistry';
import { useAllRecords } from '../recordTree';
import { useEntityDefinition } from '../records';
import { carriedChoices } from './carryOver';
import { EntryDrawer } from './EntryDrawer';
import type { GroupHandlers } from './groupColumns';
import { groupRecords } from './groups';
import { GroupTable } from './GroupTable';
import type { EntryTarget } from './useGroupEntry';
import { searchRecords } from './usePersonSearch';

/** The owner entity of the groups (the person behind `personId`), if the group key refers to one. */
function ownerEntity(definition: EntityDefinition, rules: EntityRules): string | undefined {
  const field = rules.sharedFields.find((f) => definition.schema.properties?.[f]?.['x-ref']);
  return field ? (definition.schema.properties?.[field]?.['x-ref'] as RefAnnotation).entity : undefined;
}

function GroupList({ definition, actions, rules }: EntityViewProps & { rules: EntityRules }) {
  const { api } = useAppServices();
  const { refs } = useRendererServices();
  const { message, modal } = App.useApp();
  const layout = useMemo(() => groupEntryLayout(rules), [rules]);
  const records = useAllRecords(definition.key);
  const ownerKey = ownerEntity(definition, rules);
  const ownerLoaded = useEntityDefinition(ownerKey ?? definition.key);
  const owner = ownerKey && ownerLoaded.status === 'ready' ? ownerLoaded.value : undefined;
  const [year, setYear] = useState<number | undefined>(rules.years[0]);
  const [text, setText] = useState('');
  const matches = useLoadable(async () => (owner && text
    ? new Set((await searchRecords(api, owner, text, {})).map((r) => r.id)) : undefined), [api, owner, text]);
  const [target, setTarget] = useState<EntryTarget>();

  const all = useMemo(() => groupRecords(records.status === 'ready' ? records.value : [], layout), [records, layout]);
  const years = [...new Set([...rules.years, ...all.map((g) => g.shared.examYear as number)])].filter(Boolean).sort((a, b) => b - a);
  const found = matches.status === 'ready' ? matches.value : undefined;
  const ownerField = layout.shared.find((f) => definition.schema.properties?.[f]?.['x-ref']);
  const groups = all.filter((g) => (year === undefined || g.shared.examYear === year)
    && (!found || (ownerField !== undefined && found.has(String(g.shared[ownerField])))));

  const changed = (text: string) => { refs?.forget?.(definition.key); message.success(text); records.reload(); };
  const handlers: GroupHandlers = {
    // More segments for a person: the new one starts with the stored ones' choices (考生类型).
    add: (group) => setTarget({ mode: 'create', initial: { ...group.shared,
      [layout.itemsField]: [carriedChoices(definition.schema, group.records.at(-1)?.data ?? {})] } }),
    edit: (record) => setTarget({ mode: 'edit', record }),
    remove: (record) => api.remove(definition.key, record.id).then(() => changed('已删除'),
      (e: unknown) => { modal.error({ title: '无法删除', content: errorMessage(e), okText: '知道了' }); }),
  };

  return (
    <Card title={definition.title} extra={<Space>
      <ImportExportButtons definition={definition} actions={actions} exportQuery={{ filters: year ? { examYear: year } : {} }}
        onImported={() => { refs?.forget?.(definition.key); records.reload(); }} />
      <AttachmentBatchButton definition={definition} actions={actions} />
      {actions.includes('create') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })}>新增</Button>)}
    </Space>}>
      {rules.years.length === 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }}
        title={`尚未发布任何年度的${definition.title}填报规则，暂不能填报；请联系上级卫生健康行政部门。`} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label="考试年度" style={{ width: 160 }} value={year} allowClear placeholder="全部年度" onChange={setYear}
          options={years.map((y) => ({ value: y, label: `${y} 年度` }))} />
        <Input.Search allowClear enterButton="搜索" style={{ width: 360 }} aria-label="搜索"
          placeholder="按姓名、证件号码或科室搜索" onSearch={(q) => setText(q.trim())} />
      </Space>
      {records.status === 'failed' && <Alert type="error" showIcon title={records.message} style={{ marginBottom: 16 }} />}
      <GroupTable definition={definition} owner={owner} rules={rules} layout={layout} groups={groups} actions={actions}
        loading={records.pending || matches.pending} handlers={handlers} />
      {target && <EntryDrawer definition={definition} rules={rules} layout={layout} target={target}
        onClose={() => setTarget(undefined)}
        onSaved={(saved) => { setTarget(undefined); changed(`已保存 ${saved.length} 段${definition.title}`); }} />}
    </Card>
  );
}

/**
 * `"ui:view": "groupEntry"` (试用期填报, R-7): the records grouped as their rule set groups them
 * (a person's segments of one exam year), each group judged by the year's rules, and the entry
 * form that judges while the clerk types. The rule sets come from the server and run here with
 * the engine's own evaluator.
 */
export function GroupEntryPage(props: EntityViewProps) {
  const { api } = useAppServices();
  const { definition } = props;
  const views = useLoadable<RulesetView[]>(() => api.rulesets(definition.key), [api, definition.key]);
  const rules = useMemo(() => (views.status === 'ready' ? new EntityRules(
    { key: definition.key, title: definition.title, fields: Object.keys(definition.schema.properties ?? {}) }, views.value) : undefined),
  [views, definition]);
  if (views.status === 'loading') return <Spin />;
  if (views.status === 'failed') return <Result status="warning" title="无法读取填报规则" subTitle={views.message} />;
  return <GroupList {...props} rules={rules!} />;
}
