import { Table, Tag } from 'antd';
import type { ChangeRequest } from '../../api';
import { beijingTime } from '../common';
import { statusOf } from './changeRequestStatus';

const changesText = (request: ChangeRequest): string =>
  request.fields.map((f) => `${f.title}：${f.fromText || '（空）'} → ${f.toText || '（空）'}`).join('；');

/** 修改申请记录: every request of the institution, newest first, with its status and the bureau's comment. */
export function RequestHistoryTable({ items, loading }: { items: readonly ChangeRequest[]; loading: boolean }) {
  return (
    <Table<ChangeRequest> data-testid="change-request-table" rowKey="id" size="small" loading={loading} dataSource={[...items]}
      scroll={{ x: 'max-content' }} pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: '还没有提交过主体信息修改申请。' }} columns={[
        { title: '提交时间', dataIndex: 'createdAt', key: 'createdAt', render: (at: string) => beijingTime(at) },
        { title: '修改内容', key: 'changes', render: (_, request) => changesText(request) },
        { title: '修改原因', dataIndex: 'reason', key: 'reason' },
        { title: '状态', key: 'status', render: (_, request) => { const s = statusOf(request); return <Tag color={s.color}>{s.label}</Tag>; } },
        { title: '审核意见', key: 'comment', render: (_, request) => [request.reviewComment, request.message].filter(Boolean).join(' ') },
        { title: '审核时间', dataIndex: 'decidedAt', key: 'decidedAt', render: (at: string | null) => beijingTime(at) },
      ]} />
  );
}
