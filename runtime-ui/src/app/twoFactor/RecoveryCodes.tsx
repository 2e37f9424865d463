import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Typography } from 'antd';

/** The file a user keeps: one code a line, with what they are for. */
export function recoveryCodesText(username: string, codes: string[]): string {
  return [`医师资格考试预报名 双因素认证恢复码（账号 ${username}）`, '每个恢复码只能使用一次；手机丢失或无法使用验证器应用时，在登录页点击“使用恢复码”输入。', '',
    ...codes].join('\n');
}

/** The recovery codes, shown once: copy them or download them as a text file before going on. */
export function RecoveryCodes({ username, codes, onDone }: { username: string; codes: string[]; onDone(): void }) {
  const { message } = App.useApp();
  const text = recoveryCodesText(username, codes);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      void message.success('恢复码已复制，请粘贴保存到安全的地方。');
    } catch {
      void message.error('无法访问剪贴板，请点击“下载恢复码”保存。');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `恢复码-${username}.txt` });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="请立即保存恢复码"
        description="恢复码只显示这一次。手机丢失或无法使用验证器应用时，可用恢复码登录，每个只能使用一次。" />
      <ul data-testid="recovery-codes" style={{ columns: 2, fontFamily: 'monospace', fontSize: 16, listStyle: 'none', paddingLeft: 0 }}>
        {codes.map((code) => <li key={code}>{code}</li>)}
      </ul>
      <Space wrap>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>复制恢复码</Button>
        <Button icon={<DownloadOutlined />} onClick={download}>下载恢复码</Button>
        <Button type="primary" onClick={onDone}>我已保存恢复码，继续</Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>如恢复码用完或泄露，可在开启双因素认证后重新生成。</Typography.Paragraph>
    </>
  );
}
