import { Alert, Layout, Space, Spin, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { MenuItem } from '../../api';
import { ApiRefSource, RendererContext } from '../../renderer/refs';
import { useAppServices } from '../AppServices';
import { SYSTEM_NAME } from '../branding';
import { useActiveSession } from '../session';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';
import { MenuBadgesContext, useMenuBadgeCounts } from './menuBadges';
import { useMenu } from './useMenu';

const NO_ITEMS: MenuItem[] = [];

const headerStyle = {
  display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16,
  background: '#1f4e8c', paddingInline: 24, color: '#fff',
} as const;

function Header() {
  const { user } = useActiveSession();
  return (
    <Layout.Header style={headerStyle}>
      <Typography.Text strong style={{ color: '#fff', fontSize: 18 }} ellipsis>{SYSTEM_NAME}</Typography.Text>
      <Space size="middle" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
        <span data-testid="org-name">{user.orgName ?? ''}</span>
        <UserMenu />
      </Space>
    </Layout.Header>
  );
}

/** Header, left menu and the routed page at `path`; `render` gets the loaded menu (pages read their actions from it). */
export function MainLayout({ path, render }: { path: string; render: (menu: MenuItem[]) => ReactNode }) {
  const { api } = useAppServices();
  const session = useActiveSession();
  const menu = useMenu(session.user.id);
  const badges = useMenuBadgeCounts(menu.status === 'ready' ? menu.items : NO_ITEMS);
  const refs = useMemo(() => new ApiRefSource(api), [api, session.user.id]);
  const services = useMemo(() => ({ refs, dictionaries: refs, files: api.files }), [refs, api]);

  return (
    <MenuBadgesContext.Provider value={badges}>
      <Layout style={{ minHeight: '100vh' }}>
        <Header />
        <Layout>
          <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0}>
            {menu.status === 'ready' && <SideMenu items={menu.items} path={path} badges={badges.counts} />}
          </Layout.Sider>
          <Layout.Content style={{ padding: 24 }}>
            <RendererContext.Provider value={services}>
              {menu.status === 'loading' && <Spin />}
              {menu.status === 'failed' && <Alert type="error" showIcon title={menu.message} />}
              {menu.status === 'ready' && render(menu.items)}
            </RendererContext.Provider>
          </Layout.Content>
        </Layout>
      </Layout>
    </MenuBadgesContext.Provider>
  );
}
