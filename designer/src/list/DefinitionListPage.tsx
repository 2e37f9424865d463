import type { DefinitionListItem } from '@zjrj/engine/contract';
import { errorMessage } from '@zjrj/runtime-ui';
import { Alert, Card, Input, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { goTo, routeHash } from '../app/hashRoute';
import { useDesignerServices } from '../app/DesignerServices';
import { kindLabel, kindOrder } from './kinds';

/** 已发布 v3 / 有草稿 / 只读 as tags. */
export function StatusTags({ item }: { item: Pick<DefinitionListItem, 'version' | 'hasDraft' | 'editable'> }) {
  return (
    <>
      {item.version != null ? <Tag color="green">已发布 v{item.version}</Tag> : <Tag>未发布</Tag>}
      {item.hasDraft && <Tag color="orange">有草稿</Tag>}
      {!item.editable && <Tag>只读</Tag>}
    </>
  );
}

const columns: ColumnsType<DefinitionListItem> = [
  {
    title: '名称', key: 'title',
    render: (_, item) => <a href={routeHash({ page: 'definition', kind: item.kind, key: item.key })}>{item.title || item.key}</a>,
  },
  { title: '标识', dataIndex: 'key', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
  { title: '类型', dataIndex: 'kind', render: kindLabel },
  { title: '状态', key: 'status', render: (_, item) => <StatusTags item={item} /> },
  { title: '发布时间', dataIndex: 'publishedAt', render: (at: string | null) => (at ? new Date(at).toLocaleString('zh-CN') : '—') },
];

/** Every definition by kind, searchable by key or title; editable ones first within a kind. */
export function DefinitionListPage({ kind, editableKinds }: { kind?: string; editableKinds: string[] }) {
  const { designer } = useDesignerServices();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<DefinitionListItem[]>();
  const [error, setError] = useState<string>();
  const active = kind ?? editableKinds.find((k) => k === 'ruleset') ?? editableKinds[0] ?? 'entity';

  useEffect(() => {
    let live = true;
    setItems(undefined);
    designer.list({ kind: active, q: q.trim() || undefined })
      .then((list) => { if (live) { setItems(list); setError(undefined); } })
      .catch((e: unknown) => { if (live) setError(errorMessage(e)); });
    return () => { live = false; };
  }, [designer, active, q]);

  return (
    <Card title="定义列表" extra={<Input.Search allowClear placeholder="按名称或标识搜索" onSearch={setQ} style={{ width: 280 }}
      aria-label="搜索定义" />}>
      <Tabs activeKey={active} onChange={(k) => goTo({ page: 'list', kind: k })}
        items={kindOrder.map((k) => ({ key: k, label: editableKinds.includes(k) ? kindLabel(k) : `${kindLabel(k)}（只读）` }))} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<DefinitionListItem> rowKey={(i) => `${i.kind}/${i.key}`} columns={columns} dataSource={items} loading={!items && !error}
        pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="definition-list" />
    </Card>
  );
}
