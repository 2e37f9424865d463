import { Button, Result } from 'antd';
import { useSession } from '../session';
import { CenteredCard } from './CenteredCard';

/** Business functions wait for an approved real-name verification; the verification itself comes later. */
export function RealNameRequiredPage() {
  const { logout } = useSession();
  return (
    <CenteredCard title="需要实名认证" width={560}>
      <Result
        status="warning"
        title="您的账号尚未通过实名认证"
        subTitle="实名认证审核通过后才能使用系统功能。请完成实名认证并等待上级单位审核；如已提交，请耐心等待审核结果。"
        extra={<Button onClick={() => void logout()}>退出登录</Button>}
      />
    </CenteredCard>
  );
}
