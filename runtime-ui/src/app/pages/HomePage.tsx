import { Card, Col, Row, Typography } from 'antd';
import type { MenuItem } from '../../api';
import { leafItems } from '../layout/menuTree';
import { menuTarget } from '../navigation';
import { navigate } from '../router';
import { useActiveSession } from '../session';

/** The landing page: a greeting and the functions of this app the user may open. */
export function HomePage({ menu }: { menu: readonly MenuItem[] }) {
  const { user } = useActiveSession();
  const items = leafItems(menu).flatMap((item) => {
    const target = menuTarget(item);
    return target?.kind === 'page' ? [{ item, path: target.path }] : [];
  });
  return (
    <div>
      <Typography.Title level={4}>您好，{user.nickname}</Typography.Title>
      <Typography.Paragraph type="secondary">请从左侧菜单或下面的列表中选择要办理的业务。</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {items.map(({ item, path }) => (
          <Col key={item.key} xs={24} sm={12} lg={8} xl={6}>
            <Card hoverable size="small" onClick={() => navigate(path)}>{item.title}</Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
