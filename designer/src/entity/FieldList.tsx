import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { FieldView } from './fieldModel';
import { typeByKey } from './fieldTypes';

interface FieldListProps {
  fields: FieldView[];
  selected: string | undefined;
  readOnly: boolean;
  onSelect(id: string): void;
  onMove(id: string, delta: -1 | 1): void;
  onRemove(id: string): void;
  onAdd(): void;
  /** How many validation problems a field has (shown so the user finds them). */
  problemCount(id: string): number;
}

/** The form's fields in order: pick one to edit it, move it, or delete it (with a warning about stored data). */
export function FieldList({ fields, selected, readOnly, onSelect, onMove, onRemove, onAdd, problemCount }: FieldListProps) {
  const actions = (field: FieldView, index: number) => (
    <Space size={0} onClick={(e) => e.stopPropagation()}>
      <Tooltip title="上移"><Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={`上移 ${field.title}`}
        disabled={index === 0} onClick={() => onMove(field.id, -1)} /></Tooltip>
      <Tooltip title="下移"><Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={`下移 ${field.title}`}
        disabled={index === fields.length - 1} onClick={() => onMove(field.id, 1)} /></Tooltip>
      <Popconfirm title={`删除字段「${field.title}」？`} okText="删除" cancelText="取消" okButtonProps={{ danger: true }}
        description="删除后表单不再显示该字段，已有记录中这一项的数据也不再显示和导出；引用它的规则、唯一键等需一并修改。"
        onConfirm={() => onRemove(field.id)}>
        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${field.title}`} />
      </Popconfirm>
    </Space>
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<FieldView> size="small" rowKey="id" pagination={false} dataSource={fields} data-testid="field-list"
        onRow={(field) => ({ onClick: () => onSelect(field.id), style: { cursor: 'pointer' } })}
        rowClassName={(field) => (field.id === selected ? 'ant-table-row-selected' : '')}
        columns={[
          { title: '字段', key: 'title', render: (_, f) => <Space orientation="vertical" size={0}><span>{f.title || '（未命名）'}</span>
            <span style={{ color: '#999', fontSize: 12 }}>{f.id}</span></Space> },
          { title: '类型', key: 'type', render: (_, f) => typeByKey(f.type)?.label },
          { title: '', key: 'flags', render: (_, f) => <>{f.required && <Tag color="red">必填</Tag>}{f.requiredWhen && <Tag color="orange">条件必填</Tag>}
            {problemCount(f.id) > 0 && <Tag color="error">{problemCount(f.id)} 个问题</Tag>}</> },
          ...(readOnly ? [] : [{ title: '', key: 'actions', width: 110, render: (_: unknown, f: FieldView, i: number) => actions(f, i) }]),
        ]} />
      {!readOnly && <Button icon={<PlusOutlined />} onClick={onAdd} block>添加字段</Button>}
    </Space>
  );
}
