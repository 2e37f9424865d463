import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { MenuAction, RecordItem } from '../../api';
import type { RecordTreeNode } from './recordTree';

export interface NodeHandlers {
  addChild(parent: RecordItem): void;
  edit(record: RecordItem): void;
  view(record: RecordItem): void;
  remove(record: RecordItem): Promise<void>;
}

interface Props {
  node: RecordTreeNode;
  summary: string;
  /** The entity's title (部门), for the buttons' text. */
  noun: string;
  actions: readonly MenuAction[];
  handlers: NodeHandlers;
}

const rowStyle = { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16 } as const;

/** The root row: the organisation itself (the guide's first row), where top-level records are added. */
export function RootTitle({ name, canCreate, onAdd }: { name: string; canCreate: boolean; onAdd(): void }) {
  return (
    <div className="zjrj-tree-node" data-testid="tree-root" style={rowStyle}>
      <Typography.Text strong>{name}</Typography.Text>
      {canCreate && <Button type="link" size="small" onClick={(e) => { e.stopPropagation(); onAdd(); }}>添加下级</Button>}
    </div>
  );
}

/** One tree row: name, its other fields, and 添加下级 / 修改 / 删除 as the menu grants. */
export function TreeNodeTitle({ node, summary, noun, actions, handlers }: Props) {
  const { record } = node;
  return (
    <div className="zjrj-tree-node" data-testid="tree-node" data-title={node.title} style={rowStyle}>
      <Space size="small" wrap>
        <Typography.Text strong>{node.title}</Typography.Text>
        {summary && <Typography.Text type="secondary">{summary}</Typography.Text>}
        {node.orphan && <Tag color="warning">上级{noun}已不存在，请重新选择上级</Tag>}
      </Space>
      <Space size={0} onClick={(e) => e.stopPropagation()}>
        {actions.includes('create') && (
          <Button type="link" size="small" onClick={() => handlers.addChild(record)}>添加下级</Button>)}
        {actions.includes('update')
          ? <Button type="link" size="small" onClick={() => handlers.edit(record)}>修改</Button>
          : <Button type="link" size="small" onClick={() => handlers.view(record)}>查看</Button>}
        {actions.includes('delete') && (
          <Popconfirm title={`确定要删除「${node.title}」吗？`} description="删除后不能恢复。" okText="删除" cancelText="取消"
            okButtonProps={{ danger: true }} onConfirm={() => handlers.remove(record)}>
            <Button type="link" size="small" danger>删除</Button>
          </Popconfirm>
        )}
      </Space>
    </div>
  );
}
