import { Button, Drawer, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { PermissionNode, Role } from '../../api';
import { useAppServices } from '../AppServices';
import { ErrorAlert, useDictionary, useFormSubmit } from '../common';
import { PermissionTree } from './PermissionTree';
import { checkedForEdit } from './permissionTree';
import { fromRole, NEW_ROLE, roleFieldErrors, toRoleInput, type RoleFormValues } from './roleForm';

export interface RoleFormDrawerProps {
  /** The role to edit; none to add one. */
  role?: Role;
  permissions: readonly PermissionNode[];
  onClose(): void;
  onSaved(role: Role): void;
}

const TREE_HELP = '勾选的功能就是该角色的账号能看到和使用的功能。勾选上级功能会自动勾选其下全部功能（父子联动）；'
  + '没有勾选的功能，该角色的账号看不到。';

function RoleFields({ permissions }: { permissions: readonly PermissionNode[] }) {
  const roleType = useDictionary('roleType');
  return (
    <>
      <Form.Item label="角色名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入角色名称' }]}
        extra="一般为科室（部门）的名字，例如：行政部">
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item label="角色类型" name="type" extra="仅做说明，不影响账号的使用">
        <Select allowClear placeholder="请选择" options={roleType.items.map((i) => ({ value: i.code, label: i.label }))} />
      </Form.Item>
      <Form.Item label="角色序号" name="order" extra="决定角色在列表中的顺序，可不填">
        <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label="上级角色" extra="管理员账号的角色，固定为总账号">
        <Input value="总账号" disabled aria-label="上级角色" />
      </Form.Item>
      <Form.Item label="状态" name="status">
        <Radio.Group options={[{ value: 'active', label: '正常' }, { value: 'disabled', label: '停用' }]} />
      </Form.Item>
      <Form.Item label="说明" name="description">
        <Input.TextArea maxLength={200} rows={2} />
      </Form.Item>
      <Form.Item label="权限" name="permissions" extra={TREE_HELP}
        rules={[{ required: true, type: 'array', min: 1, message: '请至少勾选一项权限' }]}>
        <PermissionTree nodes={permissions} />
      </Form.Item>
    </>
  );
}

/** 添加 / 修改管理角色信息 (guide §7.1): the role's fields and its permissions in one drawer. */
export function RoleFormDrawer({ role, permissions, onClose, onSaved }: RoleFormDrawerProps) {
  const { api } = useAppServices();
  const [form] = Form.useForm<RoleFormValues>();
  const { general, saving, submit } = useFormSubmit(form, roleFieldErrors);
  const initial = role ? fromRole(role, checkedForEdit(role.permissions, permissions)) : NEW_ROLE;

  const save = (values: RoleFormValues) => {
    const input = toRoleInput(values);
    void submit(async () => onSaved(await (role ? api.admin.updateRole(role.id, input) : api.admin.createRole(input))));
  };

  const footer = (
    <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
      <Button onClick={onClose}>取消</Button>
      <Button type="primary" loading={saving} onClick={() => form.submit()}>保存</Button>
    </Space>
  );
  return (
    <Drawer open title={role ? '修改管理角色信息' : '添加管理角色信息'} size={640} onClose={onClose} maskClosable={false}
      destroyOnHidden footer={footer} data-testid="role-form-drawer">
      <ErrorAlert messages={general} />
      <Form<RoleFormValues> form={form} layout="vertical" initialValues={initial} onFinish={save}>
        <RoleFields permissions={permissions} />
      </Form>
    </Drawer>
  );
}
