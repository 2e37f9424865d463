import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import type { DictionaryItemDraft } from '@zjrj/engine/contract';
import { Button, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tooltip, Typography } from 'antd';
import type { ItemRow } from './itemModel';

interface ItemTableProps {
  rows: ItemRow[];
  /** Codes of the version in force: their code is what stored records hold, so it cannot change here. */
  publishedCodes: ReadonlySet<string>;
  readOnly: boolean;
  /** Validation messages of the item at `index` of the content's items. */
  problemsOf(index: number): string[];
  onChange(index: number, item: DictionaryItemDraft): void;
  onMove(index: number, delta: -1 | 1): void;
  onRemove(index: number): void;
}

/** The items in display order, edited in place: label, order, enabled, parent, aliases; a new item's code too. */
export function ItemTable({ rows, publishedCodes, readOnly, problemsOf, onChange, onMove, onRemove }: ItemTableProps) {
  const parents = rows.map((r) => ({ value: r.item.code, label: `${r.item.label}（${r.item.code}）` }));
  const set = (row: ItemRow, patch: Partial<DictionaryItemDraft>) => onChange(row.index, { ...row.item, ...patch });
  return (
    <Table<ItemRow> size="small" rowKey="index" dataSource={rows} data-testid="dictionary-items"
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { title: '编码', key: 'code', width: 120, render: (_, row) => (publishedCodes.has(row.item.code) || readOnly ? row.item.code
          : <Input aria-label={`编码 ${row.item.code}`} value={row.item.code} onChange={(e) => set(row, { code: e.target.value.trim() })} />) },
        { title: '名称', key: 'label', render: (_, row) => (<>
          <Input aria-label={`名称 ${row.item.code}`} value={row.item.label} disabled={readOnly} maxLength={100}
            status={problemsOf(row.index).length > 0 ? 'error' : undefined} onChange={(e) => set(row, { label: e.target.value })} />
          {problemsOf(row.index).map((message) => <Typography.Text key={message} type="danger" style={{ display: 'block', fontSize: 12 }}>{message}</Typography.Text>)}
        </>) },
        { title: '排序', key: 'order', width: 90, render: (_, row) => <InputNumber aria-label={`排序 ${row.item.code}`} value={row.item.order}
          disabled={readOnly} precision={0} onChange={(order) => set(row, { order: order ?? undefined })} /> },
        { title: '启用', key: 'enabled', width: 70, render: (_, row) => <Switch aria-label={`启用 ${row.item.code}`} checked={row.item.enabled !== false}
          disabled={readOnly} onChange={(on) => set(row, { enabled: on ? undefined : false })} /> },
        { title: '上级', key: 'parent', width: 180, render: (_, row) => <Select aria-label={`上级 ${row.item.code}`} allowClear showSearch
          optionFilterProp="label" style={{ width: '100%' }} value={row.item.parent} disabled={readOnly} placeholder="（一级）"
          options={parents.filter((p) => p.value !== row.item.code)} onChange={(parent?: string) => set(row, { parent })} /> },
        { title: '别名', key: 'aliases', width: 200, render: (_, row) => <Select aria-label={`别名 ${row.item.code}`} mode="tags"
          style={{ width: '100%' }} value={row.item.aliases ?? []} disabled={readOnly} open={false} tokenSeparators={[';', '；', '、']}
          onChange={(aliases: string[]) => set(row, { aliases })} /> },
        ...(readOnly ? [] : [{ title: '', key: 'actions', width: 110, render: (_: unknown, row: ItemRow) => (
          <Space size={0}>
            <Tooltip title="上移"><Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={`上移 ${row.item.code}`}
              disabled={row === rows[0]} onClick={() => onMove(row.index, -1)} /></Tooltip>
            <Tooltip title="下移"><Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={`下移 ${row.item.code}`}
              disabled={row === rows.at(-1)} onClick={() => onMove(row.index, 1)} /></Tooltip>
            <Popconfirm title={`删除「${row.item.label}」？`} okText="删除" cancelText="取消" okButtonProps={{ danger: true }}
              description={publishedCodes.has(row.item.code) ? '已有记录可能使用了这个编码，删除后它们将无法显示名称。建议改为“停用”。' : undefined}
              onConfirm={() => onRemove(row.index)}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${row.item.code}`} />
            </Popconfirm>
          </Space>
        ) }]),
      ]} />
  );
}
