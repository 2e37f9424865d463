import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import type { Account, RoleOption } from '../../api';
import { useAppServices } from '../AppServices';
import { ErrorAlert, useDictionary, useFormSubmit } from '../common';
import {
  accountFieldErrors, fromAccount, toCreateInput, toUpdateInput, USERNAME_MESSAGE, USERNAME_PATTERN, type AccountFormValues,
} from './accountForm';

export interface AccountFormModalProps {
  /** The account to edit; none to add one. */
  account?: Account;
  roles: readonly RoleOption[];
  rolesLoading?: boolean;
  /** Why the roles could not be read (e.g. no permission to read 管理角色管理). */
  rolesFailure?: string;
  onClose(): void;
  onSaved(account: Account): void;
}

function roleOptions(roles: readonly RoleOption[]) {
  return roles.map((r) => ({ value: r.id, label: r.name }));
}

function RoleField({ roles, rolesLoading = false, rolesFailure }: AccountFormModalProps) {
  const options = roleOptions(roles);
  const none = !rolesLoading && options.length === 0 ? '还没有可选的角色，请先在“管理角色管理”中新增角色' : undefined;
  return (
    <Form.Item label="角色" name="roleId" rules={[{ required: true, message: '请选择角色' }]} extra={rolesFailure ?? none}>
      <Select placeholder="请选择角色" options={options} loading={rolesLoading} />
    </Form.Item>
  );
}

/** 账号 and 用户昵称: typed when adding, shown read-only when editing (they cannot change). */
function IdentityFields({ editing }: { editing: boolean }) {
  const readOnly = editing ? { disabled: true } : {};
  return (
    <>
      <Form.Item label="账号" name="username" extra={editing ? '账号创建后不能修改' : '子账号登录时输入的账号，通常为拼音缩写'}
        rules={editing ? [] : [{ required: true, message: '请输入账号' }, { pattern: USERNAME_PATTERN, message: USERNAME_MESSAGE }]}>
        <Input maxLength={32} autoComplete="off" {...readOnly} />
      </Form.Item>
      <Form.Item label="用户昵称" name="nickname" extra={editing ? '用户昵称创建后不能修改' : '登录后显示在右上角和个人中心，通常为部门名称'}
        rules={editing ? [] : [{ required: true, whitespace: true, message: '请输入用户昵称' }]}>
        <Input maxLength={30} {...readOnly} />
      </Form.Item>
    </>
  );
}

function PasswordFields() {
  return (
    <>
      <Form.Item label="用户密码" name="password" extra="不填则使用默认密码；首次登录时须修改密码">
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label="确认密码" name="confirmPassword">
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

/** 添加用户 / 修改用户 (guide §7.2, §7.3): 角色, 账号, 用户昵称, 手机号码, 用户密码, 所属子系统. */
export function AccountFormModal(props: AccountFormModalProps) {
  const { account, onClose, onSaved } = props;
  const { api } = useAppServices();
  const [form] = Form.useForm<AccountFormValues>();
  const { general, saving, submit } = useFormSubmit(form, accountFieldErrors);
  const subsystem = useDictionary('subsystem');
  const editing = Boolean(account);

  useEffect(() => {
    // 所属子系统: all by default (guide: 一般默认全部勾选), once the dictionary is known.
    if (!editing && subsystem.items.length > 0 && !form.isFieldTouched('subsystems')) {
      form.setFieldValue('subsystems', subsystem.items.map((i) => i.code));
    }
  }, [editing, subsystem.items, form]);

  const save = (values: AccountFormValues) => void submit(async () => onSaved(await (account
    ? api.admin.updateAccount(account.id, toUpdateInput(values)) : api.admin.createAccount(toCreateInput(values)))));

  return (
    <Modal open title={editing ? '修改用户' : '添加用户'} okText="确定" cancelText="取消" confirmLoading={saving}
      onOk={() => form.submit()} onCancel={onClose} maskClosable={false} destroyOnHidden width={560}>
      <ErrorAlert messages={general} />
      <Form<AccountFormValues> form={form} layout="vertical" onFinish={save} initialValues={account ? fromAccount(account) : {}}>
        <RoleField {...props} />
        <IdentityFields editing={editing} />
        <Form.Item label="手机号码" name="mobile" extra="部门负责人的手机号码，可不填">
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        {!editing && <PasswordFields />}
        <Form.Item label="所属子系统" name="subsystems" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个子系统' }]}>
          <Checkbox.Group options={subsystem.items.map((i) => ({ value: i.code, label: i.label }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
