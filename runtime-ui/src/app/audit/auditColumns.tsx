import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AuditItem } from '../../api';
import { beijingTime } from '../common';
import { actionLabel, compactDetails, resultLabel } from './auditLabels';

function Who({ item }: { item: AuditItem }) {
  if (!item.username) return <Typography.Text type="secondary">—</Typography.Text>;
  return <span>{item.username}{item.nickname ? `（${item.nickname}）` : ''}</span>;
}

/** 时间 (Beijing), 操作类型, 结果, 操作账号, 所属单位, IP, 对象, 详情 (one line; the JSON in the expanded row). */
export function auditColumns(entityTitle: (key: string) => string): ColumnsType<AuditItem> {
  return [
    { key: 'at', title: '时间', dataIndex: 'at', width: 170, render: (at: string) => beijingTime(at) },
    { key: 'action', title: '操作类型', dataIndex: 'action', render: (action: string) => actionLabel(action) },
    { key: 'result', title: '结果', dataIndex: 'result', render: (result: string | null) => {
      const label = resultLabel(result);
      return <Tag color={label.color}>{label.text}</Tag>;
    } },
    { key: 'who', title: '操作账号', render: (_: unknown, item: AuditItem) => <Who item={item} /> },
    { key: 'orgName', title: '所属单位', dataIndex: 'orgName' },
    { key: 'ip', title: 'IP 地址', dataIndex: 'ip' },
    { key: 'entity', title: '对象', dataIndex: 'entity', render: (entity: string | null) => (entity ? entityTitle(entity) : '') },
    { key: 'details', title: '详情', dataIndex: 'details', ellipsis: true, render: (details: unknown) => compactDetails(details) },
  ];
}

/** The expanded row: every detail as formatted JSON. */
export function DetailsJson({ item }: { item: AuditItem }) {
  return (
    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
      {JSON.stringify({ recordId: item.recordId ?? undefined, ...(item.details as object) }, null, 2)}
    </pre>
  );
}
