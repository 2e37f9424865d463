import { Button, Popconfirm, Space } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { MenuAction, RecordItem } from '../../lib';

export interface RowHandlers {
  /** Buttons a page adds before 修改 / 删除 (e.g. 映射). */
  extra?(record: RecordItem): ReactNode;
  edit(record: RecordItem): void;
  view(record: RecordItem): void;
  remove(record: RecordItem): Promise<void>;
}

/** The 操作 column: 修改 and 删除 where the menu grants them, else 查看. */
export function actionColumn(actions: readonly MenuAction[], handlers: RowHandlers): ColumnType<RecordItem> {
  const canUpdate = actions.includes('update');
  const canDelete = actions.includes('delete');
  return {
    key: '__actions',
    title: '操作',
    fixed: 'right',
    width: (canUpdate && canDelete ? 140 : 90) + (handlers.extra ? 60 : 0),
    render: (_: unknown, record: RecordItem) => (
      <Space size={0}>
        {handlers.extra?.(record)}
        {canUpdate
          ? <Button type="link" size="small" onClick={() => handlers.edit(record)}>修改</Button>
          : <Button type="link" size="small" onClick={() => handlers.view(record)}>查看</Button>}
        {canDelete && (
          <Popconfirm title="确定要删除这条记录吗？" description="删除后不能恢复。" okText="删除" cancelText="取消"
            okButtonProps={{ danger: true }} onConfirm={() => handlers.remove(record)}>
            <Button type="link" size="small" danger>删除</Button>
          </Popconfirm>
        )}
      </Space>
    ),
  };
}
