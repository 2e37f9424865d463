import { Button, Form, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, type TwoFactorSetup } from '../../api';
import { useAppServices } from '../AppServices';
import { RecoveryCodes } from './RecoveryCodes';

/**
 * Enrolment of a TOTP app: 开始绑定 → scan the QR code (or type the key) → the first code confirms →
 * the recovery codes, shown once. `onDone` runs when the user has saved them.
 */
export function TwoFactorEnrolment({ username, onDone }: { username: string; onDone(): void }) {
  const { api } = useAppServices();
  const [form] = Form.useForm<{ code: string }>();
  const [setup, setSetup] = useState<TwoFactorSetup>();
  const [codes, setCodes] = useState<string[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const start = () => run(async () => setSetup(await api.twoFactor.setup()));
  const confirm = ({ code }: { code: string }) => run(async () => {
    setCodes((await api.twoFactor.confirm(code.trim())).recoveryCodes);
  }).then(() => form.setFieldValue('code', ''));

  const step = codes ? 2 : setup ? 1 : 0;
  return (
    <>
      <Steps size="small" current={step} style={{ marginBottom: 24 }}
        items={[{ title: '开始绑定' }, { title: '扫码并验证' }, { title: '保存恢复码' }]} />
      {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
      {step === 0 && (
        <>
          <Typography.Paragraph>请先在手机上安装支持 TOTP 的验证器应用（如 Microsoft Authenticator、Google Authenticator、FreeOTP 等），然后点击“开始绑定”。</Typography.Paragraph>
          <Button type="primary" loading={busy} onClick={() => void start()}>开始绑定</Button>
        </>
      )}
      {step === 1 && setup && (
        <>
          <Typography.Paragraph>用验证器应用扫描下面的二维码；无法扫码时，在应用中选择“手动输入密钥”，输入下面的密钥。</Typography.Paragraph>
          <img src={setup.qrCode} alt="双因素认证二维码" width={200} height={200} data-testid="two-factor-qr" />
          <Typography.Paragraph>密钥：<Typography.Text code copyable data-testid="two-factor-secret">{setup.secret}</Typography.Text></Typography.Paragraph>
          <Form<{ code: string }> form={form} layout="inline" onFinish={(v) => void confirm(v)} requiredMark={false}>
            <Form.Item label="应用显示的 6 位验证码" name="code" rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入 6 位数字' }]}>
              <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" style={{ width: 140 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>验证并开启</Button>
          </Form>
        </>
      )}
      {step === 2 && codes && <RecoveryCodes username={username} codes={codes} onDone={onDone} />}
    </>
  );
}
