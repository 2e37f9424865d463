import { Alert, Button, Form, Input } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError, errorMessage, type PasswordChange } from '../../api';
import { useAppServices } from '../AppServices';
import { passwordErrorsByField } from './passwordErrors';
import { PasswordRulesHelp } from './PasswordRulesHelp';

function PasswordFields() {
  return (
    <>
      <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label="确认新密码" name="confirmPassword" rules={[{ required: true, message: '请再次输入新密码' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

export interface PasswordChangeFormProps {
  /** After the server accepted the new password. */
  onChanged(): void | Promise<void>;
  /** Buttons beside 确认修改 (e.g. 退出登录 on the forced page). */
  extra?: ReactNode;
}

/**
 * 修改密码 (forced at first login, or voluntary in 个人中心): the rules in force above the form,
 * each refusal of the server under its field. Too many wrong old passwords lock the account and
 * end the session: the session control then shows the login page with the server's message.
 */
export function PasswordChangeForm({ onChanged, extra }: PasswordChangeFormProps) {
  const { api } = useAppServices();
  const [form] = Form.useForm<PasswordChange>();
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (values: PasswordChange) => {
    setBusy(true);
    setGeneral([]);
    try {
      await api.changePassword(values);
      form.resetFields();
      await onChanged();
    } catch (e) {
      const split = e instanceof ApiError ? passwordErrorsByField(e.errors) : { fields: [], general: [errorMessage(e)] };
      form.setFields(split.fields);
      setGeneral(split.general);
    }
    setBusy(false);
  };

  return (
    <>
      <PasswordRulesHelp />
      {general.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={general.join(' ')} />}
      <Form<PasswordChange> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 480 }}>
        <PasswordFields />
        <div style={{ display: 'flex', gap: 8 }}>
          <Button type="primary" htmlType="submit" loading={busy}>确认修改</Button>
          {extra}
        </div>
      </Form>
    </>
  );
}
