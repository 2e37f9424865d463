import type { Session } from '@zjrj/runtime-ui';
import { Button, Flex, Layout, Space, Typography } from 'antd';
import { useDesignerServices } from './DesignerServices';
import { routeHash } from './hashRoute';

/** 定义设计器 with who is logged in, a way back to 业务系统, and logout. */
export function DesignerHeader({ session }: { session?: Session }) {
  const { runtime } = useDesignerServices();
  const logout = async () => {
    await runtime.logout().catch(() => undefined);
    window.location.assign('/');
  };
  return (
    <Layout.Header style={{ background: '#1f4e8c', paddingInline: 24 }}>
      <Flex justify="space-between" align="center" style={{ height: '100%' }}>
        <a href={routeHash({ page: 'list' })} style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>定义设计器</a>
        <Space size="large">
          {session && (
            <Typography.Text style={{ color: '#fff' }} data-testid="designer-user">
              {[session.user.orgName, session.user.nickname || session.user.username].filter((t, i, all) => all.indexOf(t) === i).join(' · ')}
            </Typography.Text>
          )}
          <a href="/" style={{ color: '#fff' }}>返回业务系统</a>
          {session && <Button size="small" ghost onClick={() => void logout()}>退出登录</Button>}
        </Space>
      </Flex>
    </Layout.Header>
  );
}
