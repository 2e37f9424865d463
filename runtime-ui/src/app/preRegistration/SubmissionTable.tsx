import { Button, Table, Typography } from 'antd';
import type { SubmissionView } from '../../api';
import { beijingTime } from '../common';
import { StatusTag } from './labels';

export interface SubmissionTableProps {
  items: readonly SubmissionView[];
  /** Whether this user may withdraw (上报与撤回). */
  canWithdraw: boolean;
  onWithdraw(submission: SubmissionView): void;
}

/** The year's batches of the institution: when, how many, status, the district's reason, and 撤回 while under review. */
export function SubmissionTable({ items, canWithdraw, onWithdraw }: SubmissionTableProps) {
  return (
    <Table<SubmissionView> data-testid="submission-table" rowKey="id" size="small" dataSource={[...items]} pagination={false}
      locale={{ emptyText: '本年度还没有上报记录。' }}
      columns={[
        { key: 'createdAt', title: '上报时间', render: (_v, s) => beijingTime(s.createdAt), width: 180 },
        { key: 'count', title: '人数', dataIndex: 'count', width: 80 },
        { key: 'status', title: '状态', width: 100, render: (_v, s) => <StatusTag status={s.status} label={s.statusLabel} /> },
        { key: 'reason', title: '退回原因', render: (_v, s) => (s.reason ? <Typography.Text type="danger">{s.reason}</Typography.Text> : null) },
        {
          key: 'actions', title: '操作', width: 100,
          render: (_v, s) => (canWithdraw && s.status === 'reviewing'
            ? <Button size="small" onClick={() => onWithdraw(s)}>撤回</Button> : null),
        },
      ]} />
  );
}
