import { Button, Popconfirm, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { MenuAction, Role } from '../../api';

export interface RoleHandlers {
  edit(role: Role): void;
  remove(role: Role): Promise<void>;
}

export function StatusTag({ status }: { status: string }) {
  return status === 'active' ? <Tag color="success">正常</Tag> : <Tag>停用</Tag>;
}

function actionsColumn(actions: readonly MenuAction[], handlers: RoleHandlers): ColumnsType<Role> {
  const canUpdate = actions.includes('update');
  const canDelete = actions.includes('delete');
  if (!canUpdate && !canDelete) return [];
  return [{
    key: 'actions', title: '操作', fixed: 'right', width: 130,
    render: (_: unknown, role: Role) => (
      <Space size={0}>
        {canUpdate && <Button type="link" size="small" onClick={() => handlers.edit(role)}>修改</Button>}
        {canDelete && (
          <Popconfirm title="确定删除该角色吗？" okText="删除" cancelText="取消" okButtonProps={{ danger: true }}
            onConfirm={() => handlers.remove(role)}>
            <Button type="link" size="small" danger>删除</Button>
          </Popconfirm>
        )}
      </Space>
    ),
  }];
}

/** 角色名称, 角色类型 (label), 角色序号, 状态, 说明, 账号数, and 修改 / 删除 where the menu grants them. */
export function roleColumns(typeLabel: (code: string | null) => string, actions: readonly MenuAction[],
  handlers: RoleHandlers): ColumnsType<Role> {
  return [
    { key: 'name', title: '角色名称', dataIndex: 'name' },
    { key: 'type', title: '角色类型', dataIndex: 'type', render: (type: string | null) => typeLabel(type) },
    { key: 'order', title: '角色序号', dataIndex: 'order', width: 100 },
    { key: 'status', title: '状态', dataIndex: 'status', width: 90, render: (status: string) => <StatusTag status={status} /> },
    { key: 'description', title: '说明', dataIndex: 'description', ellipsis: true },
    { key: 'accountCount', title: '账号数', dataIndex: 'accountCount', width: 90 },
    ...actionsColumn(actions, handlers),
  ];
}
