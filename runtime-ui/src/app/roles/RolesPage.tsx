import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Table } from 'antd';
import { useState } from 'react';
import { errorMessage, type Role } from '../../api';
import { useAppServices } from '../AppServices';
import { useDictionary, useLoadable } from '../common';
import type { PageProps } from '../navigation';
import { roleColumns, type RoleHandlers } from './roleColumns';
import { RoleFormDrawer } from './RoleFormDrawer';

type Editing = { role?: Role } | undefined;

/** 管理角色管理 (guide §7.1): the organisation's roles; 新增 / 修改 / 删除 where the menu grants them. */
export function RolesPage({ actions }: PageProps) {
  const { api } = useAppServices();
  const { message, modal } = App.useApp();
  const roles = useLoadable(() => api.admin.roles(), [api]);
  const permissions = useLoadable(() => api.admin.permissions(), [api]);
  const roleType = useDictionary('roleType');
  const [editing, setEditing] = useState<Editing>();

  const handlers: RoleHandlers = {
    edit: (role) => setEditing({ role }),
    remove: (role) => api.admin.deleteRole(role.id).then(
      () => { message.success('已删除'); roles.reload(); },
      (e: unknown) => { modal.error({ title: '无法删除该角色', content: errorMessage(e) }); },
    ),
  };
  const saved = () => {
    setEditing(undefined);
    message.success('保存成功');
    roles.reload();
  };
  const failure = roles.status === 'failed' ? roles.message : permissions.status === 'failed' ? permissions.message : undefined;
  const canCreate = actions.includes('create') && permissions.status === 'ready';
  return (
    <Card title="管理角色管理" extra={canCreate && (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>新增</Button>)}>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Table<Role> data-testid="role-table" rowKey="id" loading={roles.status === 'loading'} pagination={false}
        dataSource={roles.status === 'ready' ? roles.value : []} columns={roleColumns(roleType.label, actions, handlers)}
        locale={{ emptyText: '暂无角色，请点击“新增”创建' }} scroll={{ x: 'max-content' }} />
      {editing && permissions.status === 'ready' && (
        <RoleFormDrawer role={editing.role} permissions={permissions.value} onClose={() => setEditing(undefined)} onSaved={saved} />
      )}
    </Card>
  );
}
