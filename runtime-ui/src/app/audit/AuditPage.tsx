import { Alert, Card, DatePicker, Form, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditItem } from '../../api';
import { useAppServices } from '../AppServices';
import { useEntityTitles, useLoadable } from '../common';
import type { PageProps } from '../navigation';
import { auditColumns, DetailsJson } from './auditColumns';
import { actionOptions, auditRange } from './auditLabels';

interface Filters {
  action?: string;
  range?: [string, string];
}

const DAY = 'YYYY-MM-DD';

function FilterBar({ onChange }: { onChange(filters: Filters): void }) {
  const [filters, setFilters] = useState<Filters>({});
  const change = (next: Filters) => { setFilters(next); onChange(next); };
  const pick = (days: [Dayjs | null, Dayjs | null] | null) => {
    const [from, to] = days ?? [null, null];
    change({ ...filters, range: from && to ? [from.format(DAY), to.format(DAY)] : undefined });
  };
  return (
    <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item label="操作类型" htmlFor="audit-action">
        <Select id="audit-action" allowClear placeholder="全部" style={{ width: 180 }} options={actionOptions}
          onChange={(action?: string) => change({ ...filters, action })} />
      </Form.Item>
      <Form.Item label="时间范围">
        <DatePicker.RangePicker onChange={pick} aria-label="时间范围" />
      </Form.Item>
    </Form>
  );
}

/** 审计日志: who did what and when (Beijing time), newest first, filtered by 操作类型 and 时间范围. */
export function AuditPage(_: PageProps) {
  const { api } = useAppServices();
  const entityTitle = useEntityTitles();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = { ...paging, action: filters.action, ...auditRange(filters.range) };
  const list = useLoadable(() => api.admin.audit(query), [api, query.page, query.pageSize, query.action, query.from, query.to]);
  const page = list.status === 'ready' ? list.value : { items: [], total: 0 };
  return (
    <Card title="审计日志">
      <FilterBar onChange={(next) => { setFilters(next); setPaging({ ...paging, page: 1 }); }} />
      {list.status === 'failed' && <Alert type="error" showIcon title={list.message} style={{ marginBottom: 16 }} />}
      <Table<AuditItem> data-testid="audit-table" rowKey="id" size="small" columns={auditColumns(entityTitle)}
        dataSource={page.items} loading={list.pending} scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (item) => <DetailsJson item={item} /> }}
        locale={{ emptyText: '没有符合条件的日志' }}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: page.total, showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200], showTotal: (total) => `共 ${total} 条`,
          onChange: (p, size) => setPaging({ page: size === paging.pageSize ? p : 1, pageSize: size }) }} />
    </Card>
  );
}
