import { Button, Typography } from 'antd';
import { CenteredCard } from '../pages/CenteredCard';
import { useActiveSession, useSession } from '../session';
import { TwoFactorEnrolment } from './TwoFactorEnrolment';

/** The enrolment the policy requires (system administrators, bureaus): nothing else is usable until it is done. */
export function TwoFactorEnrolPage() {
  const { refresh, logout } = useSession();
  const session = useActiveSession();
  return (
    <CenteredCard title="开启双因素认证" width={620}>
      <Typography.Paragraph>
        按照安全策略，您的账号登录时除密码外还需输入手机验证器应用生成的动态验证码。请完成绑定后再使用系统功能。
      </Typography.Paragraph>
      <TwoFactorEnrolment username={session.user.username} onDone={() => void refresh()} />
      <Button style={{ marginTop: 16 }} onClick={() => void logout()}>退出登录</Button>
    </CenteredCard>
  );
}
