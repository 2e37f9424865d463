import { Button, Result } from 'antd';
import { navigate } from '../router';

/** A page whose menu item this user does not have (e.g. a bookmarked address after a role change). */
export function NoAccessPage() {
  return <Result status="403" title="没有访问权限" subTitle="您的账号没有使用此功能的权限。如需使用，请联系本单位总账号分配权限。"
    extra={<Button type="primary" onClick={() => navigate('/')}>返回首页</Button>} />;
}
