import { Button, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import type { PasswordChange } from '../../api';
import { useAppServices } from '../AppServices';
import { ErrorAlert, useFormSubmit } from '../common';
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
  const { general, saving, submit } = useFormSubmit(form, passwordErrorsByField);

  const change = async (values: PasswordChange) => {
    if (await submit(() => api.changePassword(values))) {
      form.resetFields();
      await onChanged();
    }
  };

  return (
    <>
      <PasswordRulesHelp />
      <ErrorAlert messages={general} />
      <Form<PasswordChange> form={form} layout="vertical" onFinish={change} style={{ maxWidth: 480 }}>
        <PasswordFields />
        <div style={{ display: 'flex', gap: 8 }}>
          <Button type="primary" htmlType="submit" loading={saving}>确认修改</Button>
          {extra}
        </div>
      </Form>
    </>
  );
}
