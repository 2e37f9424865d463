import { Alert, Button, Drawer, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import type { Transfer, TransferSide, TransferStatus } from '../../api';
import { useAppServices } from '../AppServices';
import { beijingTime, useLoadable } from '../common';
import { TransferDetailView } from './TransferDetailView';
import { statusOptions, transferStatus } from './transferLabels';

export interface TransferTableProps {
  side: TransferSide;
  /** More buttons of a row (撤回, 修改后重新提交 …); `reload` refreshes the list after they acted. */
  actions?: (transfer: Transfer, reload: () => void) => ReactNode;
  /** Changes when the list must be read again (e.g. after a new application). */
  refreshKey?: number;
}

function columns(side: TransferSide, open: (t: Transfer) => void, extra: (t: Transfer) => ReactNode): ColumnsType<Transfer> {
  return [
    { title: '姓名', dataIndex: 'personName', key: 'personName' },
    { title: '证件号码', dataIndex: 'idNumber', key: 'idNumber' },
    { title: side === 'in' ? '调出单位' : '调入单位', key: 'other', render: (_v, t) => (side === 'in' ? t.fromOrgName : t.toOrgName) },
    { title: '调入部门', dataIndex: 'departmentName', key: 'departmentName' },
    { title: '申请时间', key: 'createdAt', render: (_v, t) => beijingTime(t.createdAt) },
    { title: '状态', key: 'status', render: (_v, t) => { const s = transferStatus(t, side); return <Tag color={s.color}>{s.label}</Tag>; } },
    { title: '操作', key: 'actions', render: (_v, t) => <Space><Button size="small" onClick={() => open(t)}>查看</Button>{extra(t)}</Space> },
  ];
}

/** One transfer in a drawer, read afresh (with its history). */
function DetailDrawer({ id, side, onClose }: { id: string | null; side: TransferSide; onClose(): void }) {
  const { api } = useAppServices();
  const detail = useLoadable(() => (id ? api.transfers.get(id) : Promise.resolve(null)), [api, id]);
  return (
    <Drawer open={id !== null} onClose={onClose} size={640} destroyOnHidden title="人员调动详情">
      {detail.status === 'failed' && <Alert type="error" showIcon title={detail.message} />}
      {detail.status === 'ready' && detail.value && <TransferDetailView transfer={detail.value} side={side} />}
    </Drawer>
  );
}

/** A side's transfers with 状态 and 姓名/证件号码 filters, paged, newest first; 查看 opens one with its history. */
export function TransferTable({ side, actions, refreshKey = 0 }: TransferTableProps) {
  const { api } = useAppServices();
  const [status, setStatus] = useState<TransferStatus | undefined>();
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [opened, setOpened] = useState<string | null>(null);
  const list = useLoadable(() => api.transfers.list(side, { ...paging, status, q: q || undefined }),
    [api, side, paging.page, paging.pageSize, status, q, refreshKey]);
  const page = list.status === 'ready' ? list.value : { items: [], total: 0 };
  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="状态" htmlFor={`transfer-status-${side}`}>
          <Select id={`transfer-status-${side}`} allowClear placeholder="全部" style={{ width: 160 }} options={[...statusOptions]}
            onChange={(value?: TransferStatus) => { setStatus(value); setPaging({ ...paging, page: 1 }); }} />
        </Form.Item>
        <Form.Item label="姓名或证件号码">
          <Input.Search allowClear aria-label="姓名或证件号码" onSearch={(text) => { setQ(text.trim()); setPaging({ ...paging, page: 1 }); }} />
        </Form.Item>
      </Form>
      {list.status === 'failed' && <Alert type="error" showIcon title={list.message} style={{ marginBottom: 16 }} />}
      <Table<Transfer> data-testid={`transfers-${side}`} rowKey="id" size="small" loading={list.pending} dataSource={page.items}
        columns={columns(side, (t) => setOpened(t.id), (t) => actions?.(t, list.reload))} scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有符合条件的调动记录' }}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: page.total, showTotal: (total) => `共 ${total} 条`,
          onChange: (p, size) => setPaging({ page: size === paging.pageSize ? p : 1, pageSize: size }) }} />
      <DetailDrawer id={opened} side={side} onClose={() => setOpened(null)} />
    </>
  );
}
