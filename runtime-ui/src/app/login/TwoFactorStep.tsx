import { SafetyOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api';
import { useSession } from '../session';
import { AlertBox } from './AlertBox';
import { loginAlert, type LoginAlert } from './loginAlert';

/**
 * The second step of a two-factor login: the 6-digit code of the authenticator app, or (使用恢复码)
 * one of the recovery codes. An expired step goes back to the password with the server's message.
 */
export function TwoFactorStep({ onBack }: { onBack(alert?: LoginAlert): void }) {
  const { completeTwoFactor } = useSession();
  const [form] = Form.useForm<{ code: string }>();
  const [recovery, setRecovery] = useState(false);
  const [failure, setFailure] = useState<LoginAlert>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ code }: { code: string }) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await completeTwoFactor(code.trim());
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && (e.hasCode('TWO_FACTOR_CHALLENGE_EXPIRED') || e.status === 423)) {
        onBack(loginAlert(e));
        return;
      }
      setFailure(loginAlert(e));
      form.setFieldValue('code', '');
    }
  };

  const switchKind = () => {
    setRecovery(!recovery);
    form.resetFields();
  };

  return (
    <>
      <Typography.Paragraph>
        {recovery ? '请输入一个未使用过的恢复码（每个恢复码只能使用一次）。'
          : '密码正确。请打开手机上的验证器应用，输入本账号当前显示的 6 位动态验证码。'}
      </Typography.Paragraph>
      {failure && <AlertBox alert={failure} />}
      <Form<{ code: string }> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={recovery ? '恢复码' : '动态验证码'} name="code"
          rules={recovery ? [{ required: true, whitespace: true, message: '请输入恢复码，例如 abcde-fghjk' }]
            : [{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入验证器应用显示的 6 位数字' }]}>
          <Input key={recovery ? 'recovery' : 'totp'} prefix={<SafetyOutlined />} autoComplete="one-time-code"
            inputMode={recovery ? 'text' : 'numeric'} maxLength={recovery ? 16 : 6} autoFocus size="large"
            placeholder={recovery ? 'abcde-fghjk' : '6 位数字'} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>验证并登录</Button>
      </Form>
      <Space style={{ marginTop: 12, width: '100%', justifyContent: 'space-between' }}>
        <Button type="link" onClick={switchKind} style={{ padding: 0 }}>{recovery ? '使用动态验证码' : '使用恢复码'}</Button>
        <Button type="link" onClick={() => onBack()} style={{ padding: 0 }}>返回重新输入密码</Button>
      </Space>
    </>
  );
}
