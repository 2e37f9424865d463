import type { ErrorItem } from '@zjrj/engine/contract';
import { Button, Flex, Popconfirm, Popover, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { buildColumns, type EntityDefinition, type MenuAction, type RecordItem } from '../../lib';
import type { GroupEntryLayout } from '../../rules';
import { totalDuration, type RecordGroup } from './groups';
import { listedRefs, type RecordSummary } from './recordSummary';

/** A group as a row: who, the segments, the total, and what the rules say now. */
export interface GroupRow extends RecordGroup {
  owner?: RecordSummary;
  problems: ErrorItem[];
  /** The records the rules look up are still being read: no verdict yet. */
  checking?: boolean;
}

export function RuleStatus({ problems, checking = false }: { problems: readonly ErrorItem[]; checking?: boolean }) {
  if (checking) return <Tag color="processing">正在检查…</Tag>;
  if (problems.length === 0) return <Tag color="success">符合填报规则</Tag>;
  return (
    <Popover title="不符合的填报规则" content={<ol style={{ margin: 0, paddingInlineStart: 20, maxWidth: 420 }}>
      {problems.map((p) => <li key={p.message}>{p.message}</li>)}</ol>}>
      <Tag color="error" data-testid="rule-status">{problems.length} 项不符合</Tag>
    </Popover>
  );
}

const range = (record: RecordItem) => `${String(record.data.startDate ?? '?')} 至 ${String(record.data.endDate ?? '?')}`;

export interface GroupHandlers {
  add(group: RecordGroup): void;
  edit(record: RecordItem): void;
  remove(record: RecordItem): Promise<void>;
}

/** Column titles of the owner's summary, from its definition (姓名, 证件号码, 所在部门). */
function ownerTitles(owner: EntityDefinition | undefined): { title: string; idNumber: string; refs: string } {
  const properties = owner?.schema.properties ?? {};
  const idField = (owner?.schema['x-idDocument'] as { number?: string } | undefined)?.number;
  const refs = owner ? listedRefs(owner).map(({ field }) => properties[field]?.title ?? field) : [];
  return { title: properties[owner?.titleField ?? '']?.title ?? '名称', idNumber: properties[idField ?? '']?.title ?? '证件号码',
    refs: refs.join('、') || '所属' };
}

export function groupColumns(definition: EntityDefinition, ownerDefinition: EntityDefinition | undefined,
  actions: readonly MenuAction[], handlers: GroupHandlers): ColumnsType<GroupRow> {
  const owner = (pick: (s: RecordSummary) => string) => (_: unknown, row: GroupRow) => (row.owner ? pick(row.owner) : '…');
  const titles = ownerTitles(ownerDefinition);
  return [
    { key: 'name', title: titles.title, render: owner((s) => s.title) },
    { key: 'idNumber', title: titles.idNumber, render: owner((s) => s.idNumber) },
    { key: 'refs', title: titles.refs, render: owner((s) => s.refs.join('、')) },
    { key: 'examYear', title: definition.schema.properties?.examYear?.title ?? '考试年度', render: (_, row) => String(row.shared.examYear ?? '') },
    { key: 'segments', title: '试用期时间段', render: (_, row) => (
      <Flex vertical>{row.records.map((r) => <span key={r.id}>{range(r)}</span>)}</Flex>) },
    { key: 'total', title: '总时长', render: (_, row) => totalDuration(row.records) },
    { key: 'rules', title: '规则检查', render: (_, row) => <RuleStatus problems={row.problems} checking={row.checking} /> },
    { key: 'actions', title: '操作', fixed: 'right', render: (_, row) => (actions.includes('create')
      ? <Button type="link" size="small" onClick={() => handlers.add(row)}>添加时间段</Button>
      : <Typography.Text type="secondary">—</Typography.Text>) },
  ];
}

/** The segments of one group, each with 修改 and 删除 where the menu grants them. */
export function segmentColumns(definition: EntityDefinition, layout: GroupEntryLayout, actions: readonly MenuAction[],
  handlers: GroupHandlers): ColumnsType<RecordItem> {
  const fields = buildColumns(definition.schema, { refLabels: new Map() }).filter((c) => !layout.shared.includes(String(c.key)));
  return [...fields, { key: '__actions', title: '操作', fixed: 'right', render: (_: unknown, record: RecordItem) => (
    <Space size={0}>
      {actions.includes('update') && <Button type="link" size="small" onClick={() => handlers.edit(record)}>修改</Button>}
      {actions.includes('delete') && (
        <Popconfirm title="确定删除这段试用期吗？" description="删除后不能恢复；其余时间段须仍然连续、满足总时长。" okText="删除"
          cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => handlers.remove(record)}>
          <Button type="link" size="small" danger>删除</Button>
        </Popconfirm>
      )}
    </Space>
  ) }];
}
