import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { AcceptedView } from '../../api';
import { useAppServices } from '../AppServices';
import { beijingTime, useLoadable } from '../common';
import type { PageProps } from '../navigation';
import { useExamYear } from './useExamYear';

const columns: ColumnsType<AcceptedView> = [
  { key: 'orgName', title: '机构名称', dataIndex: 'orgName', width: 180 },
  { key: 'name', title: '姓名', render: (_v, a) => a.snapshot.name, width: 100 },
  { key: 'sex', title: '性别', render: (_v, a) => a.snapshot.sex, width: 60 },
  { key: 'idNumber', title: '证件号码', render: (_v, a) => a.snapshot.idNumber, width: 190 },
  { key: 'department', title: '所在部门', render: (_v, a) => a.snapshot.department, width: 120 },
  { key: 'candidateType', title: '考生类型', render: (_v, a) => a.snapshot.candidateType, width: 90 },
  { key: 'probation', title: '试用期', render: (_v, a) => a.snapshot.probation.map((p) => <div key={p}>{p}</div>) },
  { key: 'acceptedAt', title: '接收时间', render: (_v, a) => (a.acceptedAt ? beijingTime(a.acceptedAt) : ''), width: 170 },
];

/**
 * 预报名审核结果: the accepted candidates of the institutions below this bureau for an exam
 * year, filtered by institution and by name or ID number, and their export (as filtered).
 */
export function AcceptedListPage({ actions }: PageProps) {
  const { api } = useAppServices();
  const { year, setYear, years } = useExamYear();
  const [filters, setFilters] = useState<{ orgId?: string; q?: string }>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useLoadable(() => api.preRegistration.accepted(year, { ...filters, ...paging }), [api, year, filters, paging]);
  const value = list.status === 'ready' ? list.value : undefined;
  const filter = (next: typeof filters) => { setFilters(next); setPaging((p) => ({ ...p, page: 1 })); };
  return (
    <Card title="预报名审核结果" extra={actions.includes('export') && (
      <Button icon={<DownloadOutlined />} href={api.preRegistration.exportUrl(year, filters)} download>导出</Button>)}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label="考试年度" value={year} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          onChange={(y) => { setYear(y); filter({}); }} />
        <Select aria-label="机构" allowClear placeholder="全部机构" style={{ width: 240 }} value={filters.orgId}
          options={(value?.institutions ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.count}）` }))}
          onChange={(orgId?: string) => filter({ ...filters, orgId })} />
        <Input.Search aria-label="搜索姓名或证件号码" placeholder="姓名或证件号码" allowClear style={{ width: 240 }}
          onSearch={(q) => filter({ ...filters, q: q.trim() || undefined })} />
      </Space>
      {list.status === 'failed' && <Alert type="error" showIcon title={`读取审核结果失败：${list.message}`} style={{ marginBottom: 16 }} />}
      <Table<AcceptedView> data-testid="accepted-table" rowKey={(a) => `${a.orgId}:${a.personId}`} size="small" columns={columns}
        dataSource={value?.items ?? []} loading={list.pending} scroll={{ x: 'max-content' }}
        locale={{ emptyText: '所选年度还没有已接收的考生。' }}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: value?.total ?? 0, showSizeChanger: true,
          pageSizeOptions: [20, 50, 100], showTotal: (total) => `共 ${total} 人`,
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }) }} />
    </Card>
  );
}
