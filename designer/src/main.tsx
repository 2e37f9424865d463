import { ConfigProvider, Layout, Result, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** The designer workspace: an empty shell until the designer issue fills it. */
function DesignerShell() {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ color: '#fff', fontSize: 18 }}>定义设计器</Layout.Header>
      <Layout.Content style={{ padding: 48 }}>
        <Result
          status="info"
          title="设计器正在建设中"
          subTitle={
            <Typography.Paragraph>
              表单、字典、规则集和审批流程目前以 definitions/ 目录中的定义文件维护，引擎启动时自动校验并发布新版本。
            </Typography.Paragraph>
          }
          extra={<a href="/">返回业务系统</a>}
        />
      </Layout.Content>
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN}>
      <DesignerShell />
    </ConfigProvider>
  </StrictMode>,
);
