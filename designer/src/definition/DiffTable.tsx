import type { DefinitionDiff, ElementChange, JsonChange } from '@zjrj/engine/contract';
import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { readablePath } from './problems';

const opLabels: Record<string, { text: string; color: string }> = {
  add: { text: '新增', color: 'green' }, remove: { text: '删除', color: 'red' },
  replace: { text: '修改', color: 'blue' }, change: { text: '修改', color: 'blue' },
};
const OpTag = ({ op }: { op: string }) => <Tag color={opLabels[op]?.color}>{opLabels[op]?.text ?? op}</Tag>;

const shown = (value: unknown) => (value === undefined ? '' : (
  <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
    {typeof value === 'string' ? value : JSON.stringify(value, null, 1)}
  </Typography.Text>
));

const changeColumns: ColumnsType<JsonChange> = [
  { title: '位置', dataIndex: 'path', width: '25%', render: readablePath },
  { title: '变化', dataIndex: 'op', width: 80, render: (op: string) => <OpTag op={op} /> },
  { title: '原来', dataIndex: 'before', render: shown },
  { title: '现在', dataIndex: 'after', render: shown },
];

const elementColumns: ColumnsType<ElementChange> = [
  { title: '流程元素', key: 'name', render: (_, e) => e.name || e.id },
  { title: '类型', dataIndex: 'type' },
  { title: '变化', dataIndex: 'op', width: 80, render: (op: string) => <OpTag op={op} /> },
];

/** A diff as a readable table (path / before / after), and for processes the changed elements first. */
export function DiffTable({ diff }: { diff: DefinitionDiff }) {
  if (diff.changes.length === 0 && !diff.elements?.length) return <Empty description="两个版本内容相同" />;
  return (
    <div data-testid="diff">
      {diff.elements && diff.elements.length > 0 && (
        <Table<ElementChange> size="small" rowKey="id" columns={elementColumns} dataSource={diff.elements} pagination={false}
          title={() => '流程图中的变化'} style={{ marginBottom: 16 }} />
      )}
      <Table<JsonChange> size="small" rowKey={(c) => `${c.op}:${c.path}`} columns={changeColumns} dataSource={diff.changes}
        pagination={{ pageSize: 50, hideOnSinglePage: true }} />
    </div>
  );
}

/** 新增 2 处、修改 3 处 … for the publish confirmation. */
export function diffSummary(diff: DefinitionDiff): string {
  const count = (op: string) => diff.changes.filter((c) => c.op === op).length;
  const parts = [['add', '新增'], ['replace', '修改'], ['remove', '删除']]
    .map(([op, label]) => [label, count(op!)] as const).filter(([, n]) => n > 0).map(([label, n]) => `${label} ${n} 处`);
  return parts.length ? parts.join('、') : '没有变化';
}
