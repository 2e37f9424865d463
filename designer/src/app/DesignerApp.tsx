import { App as AntdApp, ConfigProvider, Layout, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useMemo, type ReactNode } from 'react';
import { DefinitionPage } from '../definition';
import { DefinitionListPage } from '../list';
import { DesignerHeader } from './DesignerHeader';
import { createDesignerServices, DesignerServicesContext, type DesignerServices } from './DesignerServices';
import { useRoute } from './hashRoute';
import { useDesignerAccess, type DesignerAccess } from './useDesignerAccess';

const theme = { token: { colorPrimary: '#1f4e8c', colorLink: '#1f4e8c', borderRadius: 4 } };
const button = { autoInsertSpace: false };

function Pages({ editableKinds }: { editableKinds: string[] }) {
  const route = useRoute();
  if (route.page === 'definition') return <DefinitionPage key={`${route.kind}/${route.key}`} kind={route.kind} definitionKey={route.key} />;
  return <DefinitionListPage kind={route.kind} editableKinds={editableKinds} />;
}

function Screen({ access }: { access: DesignerAccess }): ReactNode {
  switch (access.status) {
    case 'loading':
    case 'login':
      return <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;
    case 'forbidden':
      return (
        <Result status="403" title="没有使用定义设计器的权限" data-testid="designer-forbidden"
          subTitle={access.message.includes('联系') ? access.message : `${access.message} 如需使用，请联系系统管理员为您的账号分配相应角色。`}
          extra={<a href="/">返回业务系统</a>} />
      );
    case 'failed':
      return <Result status="error" title="设计器暂时无法打开" subTitle={access.message} extra={<a href="">刷新页面</a>} />;
    case 'ready':
      return <Pages editableKinds={access.editableKinds} />;
  }
}

function Shell({ services }: { services: DesignerServices }) {
  const access = useDesignerAccess(services);
  const session = access.status === 'ready' || access.status === 'forbidden' ? access.session : undefined;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <DesignerHeader session={session} />
      <Layout.Content style={{ padding: 24 }}>
        <Screen access={access} />
      </Layout.Content>
    </Layout>
  );
}

/** The designer app: antd in Simplified Chinese, the session check, and the pages. */
export function DesignerApp({ services }: { services?: DesignerServices }) {
  const app = useMemo(() => services ?? createDesignerServices(), [services]);
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={button}>
      <AntdApp>
        <DesignerServicesContext.Provider value={app}>
          <Shell services={app} />
        </DesignerServicesContext.Provider>
      </AntdApp>
    </ConfigProvider>
  );
}
