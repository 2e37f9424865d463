import { Button, Result } from 'antd';
import { navigate } from '../router';

export function NotFoundPage() {
  return <Result status="404" title="页面不存在" subTitle="您访问的页面不存在，请从左侧菜单重新选择。"
    extra={<Button type="primary" onClick={() => navigate('/')}>返回首页</Button>} />;
}
