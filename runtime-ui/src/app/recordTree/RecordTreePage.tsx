import { Alert, App, Button, Card, Empty, Input, Space, Spin, Tree } from 'antd';
import { useMemo, useState, type Key } from 'react';
import { errorMessage, type RecordItem } from '../../api';
import { useRendererServices } from '../../renderer';
import { useAppServices } from '../AppServices';
import type { EntityViewProps } from '../entityViews/viewRegistry';
import { RecordDrawer, type EditorTarget } from '../records';
import { useActiveSession } from '../session';
import { nodeSummary } from './nodeSummary';
import { buildRecordTree, filterRecordTree, type RecordTreeNode, type TreeShape } from './recordTree';
import { TemplateInit } from './TemplateInit';
import { treeShapeOf } from './treeShape';
import { RootTitle, TreeNodeTitle, type NodeHandlers } from './TreeNodeTitle';
import { useAllRecords } from './useAllRecords';

const ROOT = '__root';
/** The organisation as the root row above the records (the guide: 第一栏是本单位的名字). */
type Row = RecordTreeNode | { key: typeof ROOT; title: string; children: RecordTreeNode[] };

/**
 * `"ui:view": "tree"` (部门管理, R-4): all of the organisation's records as a tree by their parent
 * field under the organisation's own row, searchable, with 添加下级 / 修改 / 删除 per node, and
 * 初始化 from a template while there are none.
 */
export function RecordTreePage({ definition, actions }: EntityViewProps) {
  const { api } = useAppServices();
  const { refs } = useRendererServices();
  const { user } = useActiveSession();
  const { message, modal } = App.useApp();
  const shape = useMemo(() => treeShapeOf(definition) as TreeShape, [definition]);
  const records = useAllRecords(definition.key);
  const items = records.status === 'ready' ? records.value : undefined;
  const tree = useMemo(() => buildRecordTree(items ?? [], shape), [items, shape]);
  const [text, setText] = useState('');
  const filtered = useMemo(() => filterRecordTree(tree, text), [tree, text]);
  const [expanded, setExpanded] = useState<Key[]>();
  const [target, setTarget] = useState<EditorTarget>();
  const noun = definition.title;
  const canCreate = actions.includes('create');

  const changed = (note: string) => {
    refs?.forget?.(definition.key);
    message.success(note);
    records.reload();
  };
  const handlers: NodeHandlers = {
    addChild: (parent: RecordItem) => setTarget({ mode: 'create', initial: { [shape.parentField]: parent.id } }),
    edit: (record) => setTarget({ mode: 'edit', record }),
    view: (record) => setTarget({ mode: 'view', record }),
    remove: (record) => api.remove(definition.key, record.id).then(() => changed('已删除'),
      (e: unknown) => { modal.error({ title: '无法删除', content: errorMessage(e), okText: '知道了' }); }),
  };
  const rows: Row[] = [{ key: ROOT, title: user.orgName, children: filtered.nodes }];
  const allKeys = [ROOT, ...filtered.keys];
  const searching = text.trim() !== '';

  return (
    <Card title={noun}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={`输入${noun}名称筛选`} aria-label={`筛选${noun}`} style={{ width: 320 }}
          onChange={(e) => setText(e.target.value)} onSearch={setText} />
        <Button onClick={() => setExpanded(undefined)}>全部展开</Button>
        <Button onClick={() => setExpanded([ROOT])}>全部收起</Button>
      </Space>
      {records.status === 'failed' && <Alert type="error" showIcon title={records.message} style={{ marginBottom: 16 }} />}
      {records.status === 'loading' ? <Spin /> : (
        <Tree<Row> blockNode selectable={false} showLine data-testid="record-tree" treeData={rows}
          expandedKeys={searching || expanded === undefined ? allKeys : expanded}
          onExpand={(keys) => setExpanded(keys)}
          titleRender={(node) => ('record' in node
            ? <TreeNodeTitle node={node} summary={nodeSummary(definition, shape, node.record)} noun={noun} actions={actions} handlers={handlers} />
            : <RootTitle name={node.title} canCreate={canCreate} onAdd={() => setTarget({ mode: 'create' })} />)} />
      )}
      {items && items.length === 0 && (
        <Empty description={`还没有${noun}。可以用模板初始化，再按本单位实际情况调整；也可以在“${user.orgName}”一行点击“添加下级”逐个新增。`}>
          {canCreate && <TemplateInit entity={definition.key} title={noun} onApplied={records.reload} />}
        </Empty>
      )}
      {items && items.length > 0 && searching && filtered.nodes.length === 0 && (
        <Empty description={`没有名称包含“${text.trim()}”的${noun}`} />)}
      {target && <RecordDrawer definition={definition} target={target} onClose={() => setTarget(undefined)}
        onSaved={() => { setTarget(undefined); changed('保存成功'); }} />}
    </Card>
  );
}
