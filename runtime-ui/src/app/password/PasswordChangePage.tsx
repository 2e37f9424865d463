import { Button, Typography } from 'antd';
import { CenteredCard } from '../pages/CenteredCard';
import { useSession } from '../session';
import { PasswordChangeForm } from './PasswordChangeForm';

/** The first-login password change (guide §2.2): nothing else is usable until it is done. */
export function PasswordChangePage() {
  const { refresh, logout } = useSession();
  return (
    <CenteredCard title="修改密码" width={560}>
      <Typography.Paragraph>首次登录或密码被重置后，请先修改密码，修改后才能使用系统功能。</Typography.Paragraph>
      <PasswordChangeForm onChanged={refresh} extra={<Button onClick={() => void logout()}>退出登录</Button>} />
    </CenteredCard>
  );
}
