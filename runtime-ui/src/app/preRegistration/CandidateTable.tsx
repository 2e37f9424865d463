import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CandidateView } from '../../api';
import { selectable, StatusTag } from './labels';

export interface CandidateTableProps {
  items: readonly CandidateView[];
  loading: boolean;
  selected: readonly string[];
  onSelect(ids: string[]): void;
}

function Readiness({ candidate }: { candidate: CandidateView }) {
  const { ready, reasons } = candidate.readiness;
  if (ready) return <Tag color="success">资料齐全，可上报</Tag>;
  return (
    <>
      <Tag color="warning">暂不能上报</Tag>
      <ul className="readiness-reasons" style={{ margin: '4px 0 0', paddingLeft: 18 }}>
        {reasons.map((r) => <li key={`${r.code}${r.message}`}><Typography.Text type="secondary">{r.message}</Typography.Text></li>)}
      </ul>
    </>
  );
}

const columns: ColumnsType<CandidateView> = [
  { key: 'name', title: '姓名', dataIndex: 'name', width: 120 },
  { key: 'idNumber', title: '证件号码', dataIndex: 'idNumber', width: 200 },
  { key: 'readiness', title: '资料核验', render: (_v, c) => <Readiness candidate={c} /> },
  {
    key: 'status', title: '上报状态', width: 220,
    render: (_v, c) => (
      <>
        <StatusTag status={c.status} label={c.statusLabel} />
        {c.returnReason && <div><Typography.Text type="danger">退回原因：{c.returnReason}</Typography.Text></div>}
      </>
    ),
  },
];

/** The institution's persons for the year: readiness with every reason, status, and a checkbox for the ones that may be submitted. */
export function CandidateTable({ items, loading, selected, onSelect }: CandidateTableProps) {
  return (
    <Table<CandidateView> data-testid="candidate-table" rowKey="personId" size="small" columns={columns} dataSource={[...items]}
      loading={loading} pagination={{ pageSize: 50, showTotal: (total) => `共 ${total} 人` }}
      locale={{ emptyText: '本机构还没有登记人员。请先在“机构人力资源 → 基本信息”中登记人员。' }}
      rowSelection={{ selectedRowKeys: [...selected], onChange: (keys) => onSelect(keys.map(String)),
        getCheckboxProps: (c) => ({ disabled: !selectable(c), 'aria-label': `选择${c.name}` }) }} />
  );
}
