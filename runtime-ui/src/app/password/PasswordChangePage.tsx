import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage, type PasswordChange } from '../../api';
import { useAppServices } from '../AppServices';
import { CenteredCard } from '../pages/CenteredCard';
import { useSession } from '../session';
import { passwordErrorsByField, passwordRules } from './passwordErrors';

function RulesHelp() {
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      title="新密码须符合以下要求："
      description={<ol style={{ margin: 0, paddingInlineStart: 20 }}>{passwordRules.map((r) => <li key={r}>{r}</li>)}</ol>}
    />
  );
}

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

/** The first-login password change: each refusal of the server under the field it concerns. */
export function PasswordChangePage() {
  const { api } = useAppServices();
  const { refresh, logout } = useSession();
  const [form] = Form.useForm<PasswordChange>();
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (values: PasswordChange) => {
    setBusy(true);
    setGeneral([]);
    try {
      await api.changePassword(values);
      await refresh();
    } catch (e) {
      const split = e instanceof ApiError ? passwordErrorsByField(e.errors) : { fields: [], general: [errorMessage(e)] };
      form.setFields(split.fields);
      setGeneral(split.general);
      setBusy(false);
    }
  };

  return (
    <CenteredCard title="修改密码" width={520}>
      <Typography.Paragraph>首次登录请先修改密码，修改后才能使用系统功能。</Typography.Paragraph>
      <RulesHelp />
      {general.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={general.join(' ')} />}
      <Form<PasswordChange> form={form} layout="vertical" onFinish={submit}>
        <PasswordFields />
        <div style={{ display: 'flex', gap: 8 }}>
          <Button type="primary" htmlType="submit" loading={busy}>确认修改</Button>
          <Button onClick={() => void logout()}>退出登录</Button>
        </div>
      </Form>
    </CenteredCard>
  );
}
