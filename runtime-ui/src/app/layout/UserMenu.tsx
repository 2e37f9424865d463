import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { navigate } from '../router';
import { useActiveSession, useSession } from '../session';

export const PROFILE_PATH = '/profile';

/** Top right: who is logged in (昵称 and 账号); opens 个人中心 or logs out. */
export function UserMenu() {
  const { user } = useActiveSession();
  const { logout } = useSession();
  const items: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined />, label: '个人中心' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') navigate(PROFILE_PATH);
    else void logout();
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" style={{ color: '#fff' }} title="个人中心、退出登录">
        <UserOutlined /> {user.nickname}（{user.username}） <DownOutlined />
      </Button>
    </Dropdown>
  );
}
