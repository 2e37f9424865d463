import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { CenteredCard } from '../pages/CenteredCard';
import { useSession } from '../session';
import { AlertBox } from './AlertBox';
import { loginAlert, type LoginAlert } from './loginAlert';
import { TwoFactorStep } from './TwoFactorStep';

interface Credentials {
  username: string;
  password: string;
}

export interface LoginArrival {
  /** Why the user is here (session expired, account locked during a password change, …). */
  notice?: string;
  severity?: 'error';
  username?: string;
}

function arrivalAlert({ notice, severity }: LoginArrival): LoginAlert | undefined {
  if (!notice) return undefined;
  return severity === 'error' ? { type: 'error', title: '已退出登录', description: notice } : { type: 'info', title: notice, description: '' };
}

/**
 * 账号 + 密码 → session (or, with two-factor login, the code step first). A refusal (wrong password with the tries left, locked until …, no internet
 * access, disabled) is shown prominently with the server's message; the typed username stays.
 */
export function LoginPage({ arrival = {} }: { arrival?: LoginArrival }) {
  const { login } = useSession();
  const [form] = Form.useForm<Credentials>();
  const [failure, setFailure] = useState<LoginAlert>();
  const [busy, setBusy] = useState(false);
  const [codeStep, setCodeStep] = useState(false);

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setFailure(undefined);
    try {
      if ('twoFactorRequired' in await login(username.trim(), password)) {
        form.setFieldValue('password', '');
        setBusy(false);
        setCodeStep(true);
      }
    } catch (e) {
      setFailure(loginAlert(e));
      form.setFieldValue('password', '');
      setBusy(false);
    }
  };

  const back = (alert?: LoginAlert) => {
    setCodeStep(false);
    setFailure(alert);
  };

  const shown = failure ?? arrivalAlert(arrival);
  return (
    <CenteredCard title="用户登录">
      {codeStep && <TwoFactorStep onBack={back} />}
      {!codeStep && shown && <AlertBox alert={shown} />}
      <Form<Credentials> form={form} hidden={codeStep} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on"
        initialValues={{ username: arrival.username ?? '' }}>
        <Form.Item label="账号" name="username" rules={[{ required: true, whitespace: true, message: '请输入账号' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus={!arrival.username} size="large" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus={Boolean(arrival.username)} size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>登录</Button>
      </Form>
    </CenteredCard>
  );
}
