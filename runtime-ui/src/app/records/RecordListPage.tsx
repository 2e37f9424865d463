import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Result, Space, Spin, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type ReactNode } from 'react';
import {
  buildColumns, errorMessage, referencedIds, searchFieldTitles, useRefLabels, useRendererServices,
  type EntityDefinition, type JsonObject, type MenuAction, type RecordItem,
} from '../../lib';
import { useAppServices } from '../AppServices';
import { ImportExportButtons } from '../imports';
import { actionColumn, type RowHandlers } from './recordActions';
import { RecordDrawer } from './RecordDrawer';
import type { EditorTarget } from './useRecordEditor';
import { useEntityDefinition } from './useEntityDefinition';
import { useRecordPage, type PageQuery, type RecordPage } from './useRecordPage';

const FIRST_PAGE: PageQuery = { page: 1, pageSize: 20, q: '' };

interface TableProps {
  definition: EntityDefinition;
  actions: readonly MenuAction[];
  page: RecordPage;
  query: PageQuery;
  setQuery(query: PageQuery): void;
  handlers: RowHandlers;
  columns?: ColumnsType<RecordItem>;
}

/** The records of one page: list columns (labels, not codes), the 操作 column, server-side paging. */
function RecordTable({ definition, actions, page, query, setQuery, handlers, columns: extraColumns = [] }: TableProps) {
  const { refs } = useRendererServices();
  const wanted = useMemo(() => referencedIds(definition.schema, page.items), [definition.schema, page.items]);
  const refLabels = useRefLabels(refs, wanted);
  const columns = [...buildColumns(definition.schema, { refLabels }), ...extraColumns, actionColumn(actions, handlers)];
  return (
    <Table<RecordItem> data-testid="record-table" rowKey="id" columns={columns} dataSource={page.items}
      loading={page.loading} scroll={{ x: 'max-content' }}
      locale={{ emptyText: query.q ? '没有找到符合条件的记录' : '暂无数据' }}
      pagination={{ current: query.page, pageSize: query.pageSize, total: page.total, showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100], showTotal: (total) => `共 ${total} 条`,
        onChange: (p, size) => setQuery({ ...query, page: size === query.pageSize ? p : 1, pageSize: size }) }} />
  );
}

/** What a page built on the list adds (e.g. 映射管理): exact filters, a toolbar, row actions, a hook after changes. */
export interface RecordListExtras {
  filters?: Record<string, string>;
  toolbar?: ReactNode;
  /** More buttons in the 操作 column; `done` reports a change (message, reload). */
  rowActions?(record: RecordItem, done: (text: string) => void): ReactNode;
  onChanged?(): void;
  /** Columns after the list fields (e.g. 资料完整度). */
  columns?: ColumnsType<RecordItem>;
  /** Values a new record starts with (e.g. the person whose education is listed). */
  initial?: JsonObject;
  /** The definition the form drawer shows for a target (e.g. fields changed elsewhere read-only when editing). */
  formDefinition?(target: EditorTarget): EntityDefinition;
}

export interface RecordListProps {
  definition: EntityDefinition;
  actions: readonly MenuAction[];
  extras?: RecordListExtras;
}

/** The records of an entity with search, paging, the drawer form and the actions the menu grants. */
export function RecordList({ definition, actions, extras = {} }: RecordListProps) {
  const { api } = useAppServices();
  const { refs } = useRendererServices();
  const { message } = App.useApp();
  const [query, setQuery] = useState<PageQuery>(FIRST_PAGE);
  const [target, setTarget] = useState<EditorTarget>();
  const page = useRecordPage(definition.key, query, extras.filters);
  const refresh = () => {
    refs?.forget?.(definition.key);
    page.reload();
    extras.onChanged?.();
  };
  const changed = (text: string) => { message.success(text); refresh(); };
  const handlers: RowHandlers = {
    extra: extras.rowActions && ((record) => extras.rowActions!(record, changed)),
    edit: (record) => setTarget({ mode: 'edit', record }),
    view: (record) => setTarget({ mode: 'view', record }),
    remove: (record) => api.remove(definition.key, record.id).then(() => changed('已删除'),
      (error: unknown) => { message.error({ content: errorMessage(error), duration: 8 }); }),
  };
  const searchHint = searchFieldTitles(definition.schema).join('、');
  return (
    <Card title={definition.title} extra={<Space>
      <ImportExportButtons definition={definition} actions={actions} exportQuery={{ q: query.q, filters: extras.filters }} onImported={refresh} />
      {actions.includes('create') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create', initial: extras.initial })}>新增</Button>)}
    </Space>}>
      <Input.Search allowClear enterButton="搜索" style={{ maxWidth: 420, marginBottom: 16 }}
        placeholder={searchHint ? `按${searchHint}搜索` : '搜索'} aria-label="搜索"
        onSearch={(q) => setQuery({ ...query, page: 1, q: q.trim() })} />
      {extras.toolbar}
      {page.error && <Alert type="error" showIcon title={page.error} style={{ marginBottom: 16 }} />}
      <RecordTable definition={definition} actions={actions} page={page} query={query} setQuery={setQuery} handlers={handlers}
        columns={extras.columns} />
      {target && <RecordDrawer definition={extras.formDefinition?.(target) ?? definition} target={target} onClose={() => setTarget(undefined)}
        onSaved={() => { setTarget(undefined); changed('保存成功'); }} />}
    </Card>
  );
}

/** `/data/:entity`: the entity's records with search, paging and the actions the menu grants. */
export function RecordListPage({ entity, actions }: { entity: string; actions: readonly MenuAction[] }) {
  const definition = useEntityDefinition(entity);
  if (definition.status === 'loading') return <Spin />;
  if (definition.status === 'failed') return <Result status="warning" title="无法打开此页面" subTitle={definition.message} />;
  return <RecordList key={entity} definition={definition.value} actions={actions} />;
}
