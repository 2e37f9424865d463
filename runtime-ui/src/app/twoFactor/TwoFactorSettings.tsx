import { App, Button, Form, Input, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, type TwoFactorStatus } from '../../api';
import { useAppServices } from '../AppServices';
import { useActiveSession, useSession } from '../session';
import { RecoveryCodes } from './RecoveryCodes';
import { TwoFactorEnrolment } from './TwoFactorEnrolment';

interface CodeForm { password?: string; code: string }

/**
 * 个人中心 › 双因素认证: enrol voluntarily; once on, new recovery codes (with a current code) or switching
 * off (password and code; not offered while the policy requires it).
 */
export function TwoFactorSettings() {
  const { api } = useAppServices();
  const { message } = App.useApp();
  const { refresh } = useSession();
  const { user } = useActiveSession();
  const [status, setStatus] = useState<TwoFactorStatus>();
  const [action, setAction] = useState<'enrol' | 'codes' | 'disable'>();
  const [codes, setCodes] = useState<string[]>();
  const [error, setError] = useState<string>();
  const [form] = Form.useForm<CodeForm>();

  const load = useCallback(async () => setStatus(await api.twoFactor.status()), [api]);
  useEffect(() => { void load().catch((e: unknown) => setError(errorMessage(e))); }, [load]);

  const finish = async () => {
    setAction(undefined);
    setCodes(undefined);
    await load();
    await refresh();
  };
  const submit = async ({ password, code }: CodeForm) => {
    setError(undefined);
    try {
      if (action === 'codes') setCodes((await api.twoFactor.regenerateRecoveryCodes(code.trim())).recoveryCodes);
      else {
        await api.twoFactor.disable(password ?? '', code.trim());
        void message.success('已关闭双因素认证。');
        await finish();
      }
      form.resetFields();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (!status) return error ? <Typography.Text type="danger">{error}</Typography.Text> : null;
  if (codes) return <RecoveryCodes username={user.username} codes={codes} onDone={() => void finish()} />;
  if (!status.enabled) {
    return action === 'enrol' ? <TwoFactorEnrolment username={user.username} onDone={() => void finish()} /> : (
      <Space orientation="vertical">
        <Typography.Paragraph>未开启。开启后，登录时除密码外还需输入手机验证器应用生成的 6 位动态验证码。</Typography.Paragraph>
        <Button type="primary" onClick={() => setAction('enrol')}>开启双因素认证</Button>
      </Space>
    );
  }
  return (
    <Space orientation="vertical" style={{ display: 'flex' }}>
      <Typography.Paragraph>
        <Tag color="green">已开启</Tag>剩余未使用的恢复码：{status.recoveryCodesLeft} 个。{status.required && '按照安全策略，您的账号必须使用双因素认证。'}
      </Typography.Paragraph>
      {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
      {action ? (
        <Form<CodeForm> form={form} layout="inline" onFinish={(v) => void submit(v)} requiredMark={false}>
          {action === 'disable' && (
            <Form.Item label="登录密码" name="password" rules={[{ required: true, message: '请输入登录密码' }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
          )}
          <Form.Item label="动态验证码" name="code" rules={[{ required: true, whitespace: true, message: '请输入验证码' }]}>
            <Input autoComplete="one-time-code" style={{ width: 140 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">{action === 'codes' ? '生成新的恢复码' : '确认关闭'}</Button>
          <Button type="link" onClick={() => setAction(undefined)}>取消</Button>
        </Form>
      ) : (
        <Space>
          <Button onClick={() => setAction('codes')}>重新生成恢复码</Button>
          {!status.required && <Button danger onClick={() => setAction('disable')}>关闭双因素认证</Button>}
        </Space>
      )}
    </Space>
  );
}
