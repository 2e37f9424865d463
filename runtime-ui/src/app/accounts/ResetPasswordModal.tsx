import { Form, Input, Modal, Typography } from 'antd';
import type { Account } from '../../api';
import { useAppServices } from '../AppServices';
import { ErrorAlert, useFormSubmit } from '../common';
import { accountFieldErrors, toPasswordReset } from './accountForm';

interface ResetValues {
  password?: string;
  confirmPassword?: string;
}

export interface ResetPasswordModalProps {
  account: Account;
  onClose(): void;
  /** `toDefault`: reset to the default password. */
  onDone(account: Account, toDefault: boolean): void;
}

/** 重置密码 (guide §7.3): a new password typed twice, or nothing for the default password. */
export function ResetPasswordModal({ account, onClose, onDone }: ResetPasswordModalProps) {
  const { api } = useAppServices();
  const [form] = Form.useForm<ResetValues>();
  const { general, saving, submit } = useFormSubmit(form, accountFieldErrors);

  const save = (values: ResetValues) => {
    const input = toPasswordReset(values);
    void submit(async () => onDone(await api.admin.resetPassword(account.id, input), input.password === undefined));
  };

  return (
    <Modal open title="重置密码" okText="确定" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()}
      onCancel={onClose} maskClosable={false} destroyOnHidden width={480}>
      <Typography.Paragraph>
        账号：{account.username}（{account.nickname}）。不填新密码则重置为默认密码；重置后，该账号下次登录时须修改密码。
      </Typography.Paragraph>
      <ErrorAlert messages={general} />
      <Form<ResetValues> form={form} layout="vertical" onFinish={save}>
        <Form.Item label="新密码" name="password">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认新密码" name="confirmPassword">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
